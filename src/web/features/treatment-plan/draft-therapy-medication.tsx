import { NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { numberFieldError, optionalNumber } from '../../lib/schema-form';
import { NumberField } from '../../components/number-field';
import { options, type Content, type FieldAt, type SetContent } from './draft-helpers';
import { Section } from './draft-section';
import { PlanMedicationsEditor } from './draft-medications';
import { FREQUENCY_LABELS, IPT_AREA_LABELS, MODALITY_LABELS } from './plan-words';

export function TherapySection({
  content,
  set,
  editable,
  at,
}: {
  content: Content;
  set: SetContent;
  editable: boolean;
  at: FieldAt;
}) {
  const t = content.therapy;
  const sessions = at('therapy.plannedSessions');
  return (
    <Section title="Therapy" owner="therapist" editable={editable}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <NativeSelect
              label="Modality"
              value={t.modality ?? ''}
              data={options(MODALITY_LABELS, 'Not chosen')}
              onChange={(e) => {
                const modality = (e.currentTarget.value || null) as typeof t.modality;
                set('therapy', {
                  ...t,
                  modality,
                  iptProblemArea: modality === 'IPT' ? t.iptProblemArea : null,
                  modalityOther: modality === 'other' ? t.modalityOther : null,
                });
              }}
            />
            <NativeSelect
              label="Frequency"
              value={t.frequency ?? ''}
              data={options(FREQUENCY_LABELS, 'Not chosen')}
              onChange={(e) =>
                set('therapy', { ...t, frequency: (e.currentTarget.value || null) as typeof t.frequency })
              }
            />
            <NumberField
              label="Planned sessions"
              min={1}
              max={200}
              allowDecimal={false}
              {...sessions}
              error={numberFieldError(
                t.plannedSessions === null || Number.isNaN(t.plannedSessions) ? '' : t.plannedSessions,
                { min: 1, max: 200, wholeNumber: true },
                sessions.error,
              )}
              value={t.plannedSessions === null || Number.isNaN(t.plannedSessions) ? '' : t.plannedSessions}
              // Empty stays empty (not planned); anything typed is kept as typed and checked.
              onChange={(v) => set('therapy', { ...t, plannedSessions: optionalNumber(v) })}
            />
          </SimpleGrid>
          {t.modality === 'other' && (
            <TextInput
              label="Which therapy"
              maxLength={100}
              {...at('therapy.modalityOther')}
              value={t.modalityOther ?? ''}
              onChange={(e) => set('therapy', { ...t, modalityOther: e.currentTarget.value || null })}
            />
          )}
          {t.modality === 'IPT' && (
            <NativeSelect
              label="IPT problem area"
              value={t.iptProblemArea ?? ''}
              data={options(IPT_AREA_LABELS, 'Not chosen')}
              onChange={(e) =>
                set('therapy', {
                  ...t,
                  iptProblemArea: (e.currentTarget.value || null) as typeof t.iptProblemArea,
                })
              }
            />
          )}
          <Textarea
            label="Focus"
            autosize
            minRows={2}
            maxLength={1000}
            {...at('therapy.focus')}
            value={t.focus}
            onChange={(e) => set('therapy', { ...t, focus: e.currentTarget.value })}
          />
          <Textarea
            label="Practice between sessions"
            autosize
            minRows={2}
            maxLength={1000}
            {...at('therapy.practiceBetweenSessions')}
            value={t.practiceBetweenSessions}
            onChange={(e) => set('therapy', { ...t, practiceBetweenSessions: e.currentTarget.value })}
          />
        </Stack>
      </fieldset>
    </Section>
  );
}

export function MedicationSection({
  content,
  set,
  editable,
  at,
}: {
  content: Content;
  set: SetContent;
  editable: boolean;
  at: FieldAt;
}) {
  return (
    <Section title="Medication" owner="prescriber" editable={editable}>
      <Textarea
        label="Medication strategy"
        description='The overall aim in words, for example "aim for 100 mg by week 4". Link the records below.'
        autosize
        minRows={2}
        readOnly={!editable}
        maxLength={2000}
        {...at('medication.strategy')}
        value={content.medication.strategy}
        onChange={(e) => set('medication', { ...content.medication, strategy: e.currentTarget.value })}
      />
      <PlanMedicationsEditor
        part={content.medication}
        onChange={(part) => set('medication', part)}
        editable={editable}
      />
    </Section>
  );
}
