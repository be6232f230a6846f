import { Button, Group, Paper, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAdherence } from './api';
import { AdherenceLine } from './adherence-card';
import { EarlyTreatmentWatchNote } from './early-treatment-watch-note';

/**
 * The clinician patient page's compact adherence card: one line (alert window, 30 days, current run of
 * missed doses), linking to the medications page where the full card is.
 */
export function AdherenceSummaryCard({ patientId }: { patientId: string }) {
  const adherence = useAdherence(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="adherence-summary-heading">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4" id="adherence-summary-heading">
          Medication adherence
        </Title>
        <Button component={Link} to={`/patients/${patientId}/medications`} size="xs" variant="light">
          Medications and adherence
        </Button>
      </Group>
      {adherence.isPending && <LoadingState />}
      {adherence.isError && <ErrorState error={adherence.error} onRetry={() => void adherence.refetch()} />}
      {adherence.data && <AdherenceLine summary={adherence.data} />}
      <EarlyTreatmentWatchNote patientId={patientId} />
    </Paper>
  );
}
