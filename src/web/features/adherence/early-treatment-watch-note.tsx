import { Alert, Text } from '@mantine/core';
import { formatDay } from '../../components/format';
import { useDueMeasures } from '../measures/api';

/**
 * "Early-treatment watch" on the clinician patient page (medication-safety.md section 5; issue 11): an
 * antidepressant started or its dose changed while the patient is under 25 (FDA boxed warning on suicidal
 * thoughts and behaviour). Extra PHQ-9s at 1, 2 and 4 weeks are product policy. Shown until week 4.
 */
export function EarlyTreatmentWatchNote({ patientId }: { patientId: string }) {
  const due = useDueMeasures(patientId);
  const watch = due.data?.earlyTreatmentWatch ?? null;
  if (watch === null) return null;
  const what = watch.kind === 'started' ? 'started' : 'dose changed';
  return (
    <Alert color="violet" variant="light" title="Early-treatment watch" mt="sm" role="status">
      <Text size="sm">
        {watch.medicationName} {what} on {formatDay(watch.since)}, under age 25: watch closely for new or
        worse suicidal thoughts, agitation or unusual changes in mood or behaviour (FDA boxed warning). Extra
        PHQ-9s are due on {watch.checks.map((d) => formatDay(d)).join(', ')} (product schedule); the watch
        ends on {formatDay(watch.until)}.
      </Text>
    </Alert>
  );
}
