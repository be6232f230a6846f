import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CareTeamRole } from '../../../shared/accounts/api';
import { roleLabel } from '../../components/format';

export function Section({
  title,
  owner,
  editable,
  children,
}: {
  title: string;
  owner?: CareTeamRole;
  editable: boolean;
  children: ReactNode;
}) {
  const id = `draft-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-labelledby={id} m={0}>
      <Group justify="space-between" mb="sm" gap="xs">
        {/* h2: directly under the page's h1 (the tabs are not headings; axe heading-order). */}
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {owner
            ? `${roleLabel(owner)}'s part${editable ? ' (yours)' : ', read only for you'}`
            : 'Shared by the team'}
        </Text>
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
