import { Checkbox, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { instruments } from '../../../shared/treatment-plans/schemas';
import type { Content, SetContent } from './draft-helpers';
import { Section } from './draft-section';

export function MeasurementPlanSection({ content, set }: { content: Content; set: SetContent }) {
  return (
    <Section title="Measurement plan" editable>
      {instruments.map((instrument) => {
        const q = content.measurement.questionnaires.find((x) => x.instrument === instrument);
        const update = (next: typeof q | null) =>
          set('measurement', {
            questionnaires: [
              ...content.measurement.questionnaires.filter((x) => x.instrument !== instrument),
              ...(next ? [next] : []),
            ],
          });
        return (
          <Stack key={instrument} gap="xs">
            <Checkbox
              label={`${instrument} questionnaire`}
              checked={q !== undefined}
              onChange={(e) =>
                update(
                  e.currentTarget.checked
                    ? {
                        instrument,
                        atBaseline: true,
                        everyWeeksEarly: 2,
                        earlyPhaseWeeks: 12,
                        everyWeeksAfter: 4,
                      }
                    : null,
                )
              }
            />
            {q && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" pl="lg">
                <NumberInput
                  label="Every N weeks at first"
                  min={1}
                  max={12}
                  allowDecimal={false}
                  value={q.everyWeeksEarly}
                  onChange={(v) => update({ ...q, everyWeeksEarly: typeof v === 'number' ? v : 2 })}
                />
                <NumberInput
                  label="For the first N weeks"
                  min={0}
                  max={52}
                  allowDecimal={false}
                  value={q.earlyPhaseWeeks}
                  onChange={(v) => update({ ...q, earlyPhaseWeeks: typeof v === 'number' ? v : 12 })}
                />
                <NumberInput
                  label="Then every N weeks"
                  min={1}
                  max={26}
                  allowDecimal={false}
                  value={q.everyWeeksAfter}
                  onChange={(v) => update({ ...q, everyWeeksAfter: typeof v === 'number' ? v : 4 })}
                />
              </SimpleGrid>
            )}
          </Stack>
        );
      })}
      <TextInput
        type="date"
        label="Review date"
        description="Leave empty for the clinic's default number of weeks after agreement."
        value={content.reviewDate ?? ''}
        onChange={(e) => set('reviewDate', e.currentTarget.value || null)}
        maw={260}
      />
    </Section>
  );
}
