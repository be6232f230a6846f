import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { addDays } from '../../../shared/time/index';

export interface StepDraft {
  from: string;
  doseAmount: number | '';
}

/** Titration or taper steps: "100 mg from 15 March"; each keeps the schedule in effect before it. */
export function StepsEditor({
  steps,
  onChange,
  unit,
  firstDay,
  errorAt,
}: {
  steps: StepDraft[];
  onChange: (next: StepDraft[]) => void;
  unit: string;
  /** The default day of a new step (two weeks after the last one). */
  firstDay: string;
  /** The form's message at a step's field, e.g. 'steps.0.doseAmount' (issue 17: errors at their fields). */
  errorAt?: (path: string) => string | undefined;
}) {
  const addStep = () => {
    const last = steps.at(-1)?.from ?? firstDay;
    const next = addDays(last, 14);
    onChange([...steps, { from: next, doseAmount: '' }]);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Titration or taper steps
      </Text>
      <Text size="xs" c="dimmed">
        Each step changes the dose from its day on and keeps the same times. The patient sees planned steps in
        advance.
      </Text>
      {steps.map((step, i) => (
        <Group key={i} gap="xs" align="flex-end">
          <NumberInput
            label={`Step ${String(i + 1)} dose (${unit})`}
            min={0}
            value={step.doseAmount}
            onChange={(v) =>
              onChange(
                steps.map((s, j) => (j === i ? { ...s, doseAmount: typeof v === 'number' ? v : '' } : s)),
              )
            }
            w={170}
            required
            clampBehavior="none"
            error={errorAt?.(`steps.${String(i)}.doseAmount`)}
          />
          <TextInput
            type="date"
            label="From"
            value={step.from}
            onChange={(e) =>
              onChange(steps.map((s, j) => (j === i ? { ...s, from: e.currentTarget.value } : s)))
            }
            w={170}
            required
            error={errorAt?.(`steps.${String(i)}.from`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove step ${String(i + 1)}`}
            onClick={() => onChange(steps.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={addStep}>
          Add a step
        </Button>
      </Group>
    </Stack>
  );
}

export const stepsReady = (steps: StepDraft[]): { from: string; doseAmount: number }[] =>
  steps.flatMap((s) =>
    typeof s.doseAmount === 'number' && s.from !== '' ? [{ from: s.from, doseAmount: s.doseAmount }] : [],
  );
