import { Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useMedications } from './api';
import { MedicationSummaryList } from './medication-summary-list';

/**
 * The plan's medication part, resolved: the linked medication records with today's dose, schedule and the
 * next step. Used by the plan view (clinicians) on /patients/:patientId/plan.
 */
export function LinkedMedications({ ids }: { ids: string[] }) {
  const { patientId = '' } = useParams();
  const meds = useMedications(ids.length > 0 ? patientId : '');
  if (ids.length === 0) return null;
  if (meds.isPending) return <Text size="sm">Loading linked medications…</Text>;
  if (meds.isError)
    return (
      <Text size="sm" c="red">
        The linked medications could not be loaded.
      </Text>
    );
  const linked = meds.data.medications.filter((m) => ids.includes(m.id));
  return (
    <MedicationSummaryList medications={linked} empty="The linked medication records are not available." />
  );
}
