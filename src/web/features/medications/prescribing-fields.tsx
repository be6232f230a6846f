// Fields the start form and the change form both show (issue 11): the dose, described by the label range
// below it, and the reason asked for above the maximum.
import { NumberInput, Text } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import type { InputProps } from '../../lib/schema-form';

/**
 * The dose, with `id` `<idPrefix>-dose`: the label range below the fields (DoseRangeNote with
 * `<idPrefix>-dose-range`) describes it too, after its error when it has one.
 */
export function DoseField({ idPrefix, label, ...input }: InputProps & { idPrefix: string; label: string }) {
  const id = `${idPrefix}-dose`;
  return (
    <NumberInput
      id={id}
      label={label}
      required
      clampBehavior="none"
      {...input}
      aria-describedby={input.error === undefined ? `${id}-range` : `${id}-error ${id}-range`}
    />
  );
}

/** Asked while a dose is above the maximum; kept with the dose and shown to the whole team. */
export function OverMaximumReasonField(input: InputProps) {
  return (
    <Textarea
      label="Reason for going above the maximum"
      description="Shown beside the dose and in the history to the whole team"
      autosize
      minRows={2}
      required
      maxLength={1000}
      {...input}
    />
  );
}

/** Why the medication is started or changed: kept in its history. */
export function ReasonField(input: InputProps & { 'data-autofocus'?: boolean }) {
  return (
    <Textarea
      label="Reason"
      description="Kept in the medication's history"
      autosize
      minRows={2}
      required
      maxLength={1000}
      {...input}
    />
  );
}

/** Under the form while a field is marked or a safety check waits for its answer. */
export function FixWhatIsMarked({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <Text size="sm" role="status">
      To record this, fix what is marked above and answer each safety check.
    </Text>
  );
}
