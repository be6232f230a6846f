import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { thresholdFields, thresholdValue, type ThresholdKey } from '../../../shared/clinic/thresholds';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { numberFieldError, requiredNumber, type InputProps } from '../../lib/schema-form';

/** The settings form's props for one field (useSchemaForm's getInputProps). */
export type FieldProps = <T = string>(key: string) => InputProps<T>;

export type ThresholdValues = Record<ThresholdKey, number | string>;

export function initialThresholds(settings: ClinicSettings): ThresholdValues {
  return Object.fromEntries(
    thresholdFields.map((f) => [f.key, thresholdValue(settings, f)]),
  ) as ThresholdValues;
}

const groups = [...new Set(thresholdFields.map((f) => f.group))];

/** The clinical thresholds, grouped, each with what it does, its default and the source of the default. */
export function ThresholdFields({ field }: { field: FieldProps }) {
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
              .map((f) => {
                const props = field<number | string>(f.key);
                return (
                  <NumberField
                    key={f.key}
                    label={`${f.label} (${f.unit})`}
                    description={`${f.help} Default ${String(f.defaultValue)}.`}
                    min={f.min}
                    max={f.max}
                    allowDecimal={!f.integer}
                    required
                    {...props}
                    error={numberFieldError(props.value, { ...f, wholeNumber: f.integer }, props.error)}
                  />
                );
              })}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

/** The thresholds as sent: an emptied field is refused by the schema (NaN), never sent as 0. */
export function thresholdPayload(values: ThresholdValues): Partial<Record<ThresholdKey, number>> {
  return Object.fromEntries(thresholdFields.map((f) => [f.key, requiredNumber(values[f.key])]));
}
