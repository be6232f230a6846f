import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import {
  thresholdFields,
  thresholdValue,
  type ThresholdField,
  type ThresholdKey,
} from '../../../shared/clinic/thresholds';
import type { ClinicSettings } from '../../../shared/clinic/api';

export type ThresholdValues = Record<ThresholdKey, number | string>;

export function initialThresholds(settings: ClinicSettings): ThresholdValues {
  return Object.fromEntries(
    thresholdFields.map((f) => [f.key, thresholdValue(settings, f)]),
  ) as ThresholdValues;
}

/** The error to show for one field, or undefined when the value is allowed. */
export function thresholdError(field: ThresholdField, value: number | string): string | undefined {
  const n = typeof value === 'number' ? value : Number.NaN;
  const inRange = Number.isFinite(n) && n >= field.min && n <= field.max;
  if (inRange && (!field.integer || Number.isInteger(n))) return undefined;
  return `${field.integer ? 'A whole number' : 'A number'} from ${String(field.min)} to ${String(field.max)}.`;
}

const groups = [...new Set(thresholdFields.map((f) => f.group))];

/** The clinical thresholds, grouped, each with what it does, its default and the source of the default. */
export function ThresholdFields({
  values,
  onChange,
  showErrors,
  serverErrors,
}: {
  values: ThresholdValues;
  onChange: (key: ThresholdKey, value: number | string) => void;
  showErrors: boolean;
  serverErrors: Record<string, string | undefined>;
}) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Alerts and registry flags use these. Each starts at the default from Duet&apos;s clinical sources;
        change one only when your clinic has agreed a different rule.
      </Text>
      {groups.map((group) => (
        <Fieldset key={group} legend={group} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {thresholdFields
              .filter((f) => f.group === group)
              .map((f) => (
                <NumberField
                  key={f.key}
                  label={`${f.label} (${f.unit})`}
                  description={`${f.help} Default ${String(f.defaultValue)}.`}
                  min={f.min}
                  max={f.max}
                  allowDecimal={!f.integer}
                  value={values[f.key]}
                  onChange={(v) => onChange(f.key, v)}
                  error={
                    showErrors
                      ? (thresholdError(f, values[f.key]) ?? serverErrors[f.key])
                      : serverErrors[f.key]
                  }
                />
              ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

export function thresholdPayload(values: ThresholdValues): Partial<Record<ThresholdKey, number>> {
  return Object.fromEntries(thresholdFields.map((f) => [f.key, Number(values[f.key])]));
}

export function anyThresholdError(values: ThresholdValues): boolean {
  return thresholdFields.some((f) => thresholdError(f, values[f.key]) !== undefined);
}
