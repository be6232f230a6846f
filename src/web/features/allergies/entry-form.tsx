import { Button, Group, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import type { SubmitEvent } from 'react';
import {
  allergySeverities,
  conditionLabels,
  entryDetailsSchema,
  patientConditions,
  type PatientCondition,
} from '../../../shared/medication-safety/safety-profile';
import { otherMedicineMatch } from '../../../shared/medication-safety/other-medicines';
import type { EntryDetails, SafetyEntry } from './api';
import { serverErrors, useSchemaForm } from '../../lib/schema-form';
import { classesText, severityWords, type Audience } from './words';

type Kind = EntryDetails['kind'];
type Form = {
  kind: Kind;
  substance: string;
  reaction: string;
  severity: string;
  name: string;
  doseText: string;
  condition: string;
  notes: string;
};

const empty: Form = {
  kind: 'allergy',
  substance: '',
  reaction: '',
  severity: '',
  name: '',
  doseText: '',
  condition: '',
  notes: '',
};

function formFrom(entry: SafetyEntry | undefined, kind: Kind): Form {
  if (!entry) return { ...empty, kind };
  const notes = entry.notes ?? '';
  if (entry.kind === 'allergy')
    return {
      ...empty,
      kind: 'allergy',
      substance: entry.substance,
      reaction: entry.reaction,
      severity: entry.severity,
      notes,
    };
  if (entry.kind === 'other_medicine')
    return { ...empty, kind: 'other_medicine', name: entry.name, doseText: entry.doseText ?? '', notes };
  return { ...empty, kind: 'condition', condition: entry.condition, notes };
}

function detailsFrom(f: Form): EntryDetails {
  const notes = f.notes.trim() === '' ? null : f.notes.trim();
  if (f.kind === 'allergy')
    return {
      kind: 'allergy',
      substance: f.substance.trim(),
      reaction: f.reaction.trim(),
      severity: f.severity as (typeof allergySeverities)[number],
      notes,
    };
  if (f.kind === 'other_medicine')
    return {
      kind: 'other_medicine',
      name: f.name.trim(),
      doseText: f.doseText.trim() === '' ? null : f.doseText.trim(),
      notes,
    };
  return { kind: 'condition', condition: f.condition as PatientCondition, notes };
}

const words = {
  clinician: {
    kinds: { allergy: 'Allergy', other_medicine: 'Other medicine', condition: 'Condition' },
    substance: 'Substance',
    reaction: 'Reaction',
    severity: 'Severity',
    name: 'Medicine',
    dose: 'Dose (optional)',
    condition: 'Condition',
    notes: 'Notes (optional)',
  },
  patient: {
    kinds: { allergy: 'An allergy', other_medicine: 'A medicine I take', condition: 'A health condition' },
    substance: 'What are you allergic to?',
    reaction: 'What happened when you had it?',
    severity: 'How bad was it?',
    name: 'Name of the medicine (as on the box)',
    dose: 'How much and how often (optional)',
    condition: 'Which one?',
    notes: 'Anything else your care team should know (optional)',
  },
} as const;

type EntryFormProps = {
  audience: Audience;
  /** Editing: the entry (its kind cannot change). Adding: undefined. */
  entry?: SafetyEntry;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (details: EntryDetails) => void;
  onCancel?: () => void;
};

/** One form for an allergy, another medicine or a condition; the wording follows who fills it in. */
export function EntryForm({
  audience,
  entry,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: EntryFormProps) {
  const w = words[audience];
  // Checked with the shared entry schema the routes use (entryDetailsSchema) before anything is sent; the
  // parent's request error (a 400's details) is shown at the same fields.
  const schemaForm = useSchemaForm({
    schema: entryDetailsSchema,
    initialValues: () => formFrom(entry, entry?.kind ?? 'allergy'),
    toPayload: detailsFrom,
  });
  const form = schemaForm.values;
  const server = serverErrors(error);
  const field = (key: keyof Form) => {
    const props = schemaForm.getInputProps(key);
    return { ...props, error: props.error ?? server[key] };
  };
  const match =
    form.kind === 'other_medicine' && form.name.trim() !== '' ? otherMedicineMatch(form.name) : null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    schemaForm.submit(onSubmit);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!entry && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`kind-label-${audience}`}>
              {audience === 'patient' ? 'What do you want to tell your care team about?' : 'Kind of entry'}
            </Text>
            <SegmentedControl
              aria-labelledby={`kind-label-${audience}`}
              fullWidth
              orientation={audience === 'patient' ? 'vertical' : 'horizontal'}
              value={form.kind}
              onChange={(v) => schemaForm.setFieldValue('kind', v)}
              data={(['allergy', 'other_medicine', 'condition'] as const).map((k) => ({
                value: k,
                label: w.kinds[k],
              }))}
            />
          </Stack>
        )}
        {form.kind === 'allergy' && (
          <>
            <TextInput label={w.substance} required {...field('substance')} maxLength={200} />
            <TextInput label={w.reaction} required {...field('reaction')} maxLength={500} />
            <Radio.Group label={w.severity} required {...field('severity')}>
              <Group gap="md" mt={4}>
                {allergySeverities.map((s) => (
                  <Radio key={s} value={s} label={severityWords[s]} />
                ))}
              </Group>
            </Radio.Group>
          </>
        )}
        {form.kind === 'other_medicine' && (
          <>
            <TextInput
              label={w.name}
              required
              {...field('name')}
              maxLength={200}
              description={
                audience === 'clinician' && form.name.trim() !== ''
                  ? match
                    ? `Checked as ${match.name} (${classesText(match.classes)})`
                    : 'Not in Duet’s list of medicines it checks: the interaction check will not know it.'
                  : undefined
              }
            />
            <TextInput label={w.dose} {...field('doseText')} maxLength={200} />
          </>
        )}
        {form.kind === 'condition' && (
          <Select
            label={w.condition}
            required
            value={form.condition === '' ? null : form.condition}
            onChange={(v) => schemaForm.setFieldValue('condition', v ?? '')}
            error={field('condition').error}
            data={patientConditions.map((c) => ({ value: c, label: conditionLabels[c][audience] }))}
          />
        )}
        <Textarea label={w.notes} {...field('notes')} maxLength={1000} autosize minRows={2} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
