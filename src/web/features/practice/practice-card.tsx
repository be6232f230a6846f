import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { practiceKind } from '../../../shared/practice/library';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePracticeOverview } from './api';
import { completionWords } from './practice-words';

/** The clinician patient page's compact "Practice" card: active assignments and their completion. */
export function PracticeCard({ patientId }: { patientId: string }) {
  const overview = usePracticeOverview(patientId);
  const active = (overview.data?.assignments ?? []).filter((a) => a.status === 'active');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="practice-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="practice-card-heading">
          Practice
        </Title>
        <Button component={Link} to={`/patients/${patientId}/practice`} size="xs" variant="light">
          Practice and entries
        </Button>
      </Group>
      {overview.isPending && <LoadingState />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && active.length === 0 && (
        <Text size="sm" c="dimmed">
          No practice assigned.
        </Text>
      )}
      {active.length > 0 && (
        <Stack gap={4}>
          {active.map((a) => (
            <Text size="sm" key={a.id}>
              <strong>{practiceKind(a.type).name}</strong>: {completionWords(a)}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
