import { Checkbox, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { instruments } from '../../../shared/treatment-plans/schemas';
import type { Content, SetContent } from './draft-helpers';
import { Section } from './draft-section';
import { planTarget, TARGET_LABELS, targetHint, withQuestionnaires, type PlanTarget } from './plan-words';

const isTarget = (v: string): v is PlanTarget => Object.hasOwn(TARGET_LABELS, v);

/** Issue 12: the questionnaire treat-to-target follows; saved with the plan version like every other field. */
function TargetChoice({ content, set }: { content: Content; set: SetContent }) {
  const hint = targetHint(content.measurement);
  return (
    <Stack gap={4}>
      <Radio.Group
        label="Target questionnaire"
        description="What the registry's treat-to-target follows. With both, the worse of the two counts."
        value={planTarget(content.measurement)}
        onChange={(v) => {
          if (isTarget(v)) set('measurement', { ...content.measurement, target: v });
        }}
      >
        <Group mt="xs">
          {(Object.keys(TARGET_LABELS) as PlanTarget[]).map((t) => (
            <Radio key={t} value={t} label={TARGET_LABELS[t]} />
          ))}
        </Group>
      </Radio.Group>
      {hint && (
        <Text size="sm" c="orange.8" role="status">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

export function MeasurementPlanSection({ content, set }: { content: Content; set: SetContent }) {
  return (
    <Section title="Measurement plan" editable>
      {instruments.map((instrument) => {
        const q = content.measurement.questionnaires.find((x) => x.instrument === instrument);
        const update = (next: typeof q | null) =>
          set(
            'measurement',
            withQuestionnaires(content.measurement, [
              ...content.measurement.questionnaires.filter((x) => x.instrument !== instrument),
              ...(next ? [next] : []),
            ]),
          );
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
                <NumberField
                  label="Every N weeks at first"
                  min={1}
                  max={12}
                  allowDecimal={false}
                  value={q.everyWeeksEarly}
                  onChange={(v) => update({ ...q, everyWeeksEarly: typeof v === 'number' ? v : 2 })}
                />
                <NumberField
                  label="For the first N weeks"
                  min={0}
                  max={52}
                  allowDecimal={false}
                  value={q.earlyPhaseWeeks}
                  onChange={(v) => update({ ...q, earlyPhaseWeeks: typeof v === 'number' ? v : 12 })}
                />
                <NumberField
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
      <TargetChoice content={content} set={set} />
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
