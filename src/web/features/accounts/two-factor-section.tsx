import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SoftBadge } from '../../components/badges';
import { ErrorState, LoadingState } from '../../components/query-state';
import { getTwoFactorStatus, twoFactorKey } from './two-factor-api';

/** My account → Two-step sign-in: on or off, and the way to set it up or manage it. */
export function TwoFactorSection() {
  const status = useQuery({ queryKey: twoFactorKey, queryFn: getTwoFactorStatus });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="two-factor-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="two-factor-heading">
            Two-step sign-in
          </Title>
          {status.data && (
            <SoftBadge color={status.data.enabled ? 'green' : 'gray'}>
              {status.data.enabled ? 'On' : 'Off'}
            </SoftBadge>
          )}
        </Group>
        {status.isPending ? (
          <LoadingState />
        ) : status.isError ? (
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        ) : (
          <>
            <Text size="sm">
              {status.data.enabled
                ? `After your password, Duet asks for a code from your authenticator app. Recovery codes left: ${String(status.data.recoveryCodesLeft)}.`
                : 'Ask for a code from an app on your phone after your password, so a stolen password alone cannot open your account.'}
            </Text>
            <Anchor component={Link} to="/account/two-factor" size="sm">
              {status.data.enabled ? 'Manage two-step sign-in' : 'Set up two-step sign-in'}
            </Anchor>
          </>
        )}
      </Stack>
    </Paper>
  );
}
