import { Button, Group, Paper, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useMedications } from './api';
import { MedicationSummaryList } from './medication-summary-list';
import { splitCurrentPast } from './medication-words';

/** The patient page's "Medications" card: the current regimen and a link to the medications page. */
export function MedicationsCard({ patientId }: { patientId: string }) {
  const meds = useMedications(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="medications-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="medications-card-heading">
          Medications
        </Title>
        <Button component={Link} to={`/patients/${patientId}/medications`} size="xs" variant="light">
          Regimen and history
        </Button>
      </Group>
      {meds.isPending && <LoadingState />}
      {meds.isError && <ErrorState error={meds.error} onRetry={() => void meds.refetch()} />}
      {meds.data && (
        <MedicationSummaryList
          medications={splitCurrentPast(meds.data.medications).current}
          empty="No current medications."
        />
      )}
    </Paper>
  );
}
