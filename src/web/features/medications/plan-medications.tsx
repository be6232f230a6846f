import { MultiSelect, Text } from '@mantine/core';
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

/** In the plan draft: the prescriber picks which of the patient's medication records the plan refers to. */
export function PickPlanMedications({
  value,
  onChange,
  editable,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  editable: boolean;
}) {
  const { patientId = '' } = useParams();
  const meds = useMedications(patientId);
  const data = (meds.data?.medications ?? []).map((m) => ({
    value: m.id,
    label: `${m.name}${m.current && !m.current.paused ? ` ${String(m.current.doseAmount)} ${m.current.doseUnit}` : ''}${m.status === 'stopped' ? ' (stopped)' : ''}`,
  }));
  return (
    <>
      <MultiSelect
        label="Medication records in this plan"
        description="The agreed plan shows their current dose and schedule, and planned steps."
        placeholder={data.length === 0 ? 'No medication recorded yet' : 'Choose medications'}
        data={data}
        value={value.filter((id) => data.some((d) => d.value === id))}
        onChange={onChange}
        readOnly={!editable}
        disabled={data.length === 0}
      />
      {value.length > 0 && <LinkedMedications ids={value} />}
    </>
  );
}
