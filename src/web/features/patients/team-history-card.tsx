import { Paper, Text, Timeline, Title } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { formatDateTime, roleLabel } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import { useCareTeamHistory } from './api';

/** Who joined and left this patient's care team, and who made the change. */
export function TeamHistoryCard({ patientId }: { patientId: string }) {
  const history = useCareTeamHistory(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="sm">
        Team change history
      </Title>
      {history.isPending && <LoadingState />}
      {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.changes.length === 0 && (
        <Text size="sm" c="dimmed">
          No changes yet.
        </Text>
      )}
      {history.data && history.data.changes.length > 0 && (
        <Timeline bulletSize={24} lineWidth={2} active={history.data.changes.length}>
          {[...history.data.changes]
            .sort((a, b) => b.at - a.at)
            .map((change) => (
              <Timeline.Item
                key={change.id}
                bullet={
                  change.change === 'added' ? (
                    <IconUserPlus size={14} aria-hidden />
                  ) : (
                    <IconUserMinus size={14} aria-hidden />
                  )
                }
                title={
                  <Text size="sm" fw={600} component="span">
                    {change.userName} {change.change === 'added' ? 'added as' : 'removed as'}{' '}
                    {roleLabel(change.role).toLowerCase()}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  by {change.byName} · {formatDateTime(change.at)}
                </Text>
                {change.reason !== null && (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    Left unassigned: {change.reason}
                  </Text>
                )}
              </Timeline.Item>
            ))}
        </Timeline>
      )}
      <ShowingLatest
        shown={history.data?.changes.length ?? 0}
        hasMore={history.data?.hasMore === true}
        what="changes"
      />
    </Paper>
  );
}
