import { Alert, Button, List, Text } from '@mantine/core';
import type { MedicationDifferenceView } from '../../../shared/treatment-plans/api';

/**
 * "Plan differs from current medications" (issue 15): shown above a plan version whose medication part no
 * longer matches the patient's medication records, until the prescriber updates the plan.
 */
export function MedicationDifferences({
  differences,
  draft,
  onUpdate,
  updating = false,
}: {
  differences: MedicationDifferenceView[];
  /** True on the open draft: updating its medication part clears the notice. */
  draft: boolean;
  /** The prescriber's "take the records as they are now" (saves the medication part again), if allowed. */
  onUpdate?: (() => void) | undefined;
  updating?: boolean;
}) {
  if (differences.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Plan differs from current medications">
      <List size="sm" spacing={2}>
        {differences.map((d) => (
          <List.Item key={`${d.kind}:${d.medicationId}`}>{d.words}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {draft
          ? 'The prescriber updates the medication part of this draft: link any new medication, then take the records as they are now.'
          : 'Start a new version so the prescriber can update the medication part; both sign it again.'}
      </Text>
      {onUpdate && (
        <Button size="xs" variant="light" mt="xs" onClick={onUpdate} loading={updating}>
          Take the medication records as they are now
        </Button>
      )}
    </Alert>
  );
}
