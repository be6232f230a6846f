import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SoftBadge } from '../../components/badges';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useSideEffectReports } from './api';
import { ReportFacts } from './report-summary';

/**
 * The clinician patient page's compact side-effects card: open reports first, the latest two, and a link to
 * the medications page where the prescriber answers (the therapist reads them to talk about in session).
 */
export function SideEffectsSummaryCard({ patientId }: { patientId: string }) {
  const reports = useSideEffectReports(patientId);
  const list = reports.data ?? [];
  const open = list.filter((r) => r.state === 'open');
  const shown = [...open, ...list.filter((r) => r.state !== 'open')].slice(0, 2);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="side-effects-summary-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="side-effects-summary-heading">
            Side effects
          </Title>
          {open.length > 0 && <SoftBadge color="yellow">{`${String(open.length)} open`}</SoftBadge>}
        </Group>
        <Button component={Link} to={`/patients/${patientId}/medications`} size="xs" variant="light">
          Reports and answers
        </Button>
      </Group>
      {reports.isPending && <LoadingState />}
      {reports.isError && <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />}
      {reports.data && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No side effects reported.
        </Text>
      )}
      <Stack gap="sm">
        {shown.map((r) => (
          <Stack key={r.id} gap={2} data-testid="side-effect-summary">
            <ReportFacts report={r} />
            <Text size="xs" c="dimmed">
              {r.state === 'open'
                ? 'Waiting for the prescriber'
                : `Answered by ${r.answers[0]?.byName ?? 'the prescriber'}`}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
