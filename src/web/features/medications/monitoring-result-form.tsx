// The form that records a monitoring result (lab or other), with the reading it will have before it is saved.
import { Alert as Callout, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type SubmitEvent } from 'react';
import { formatDay } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { optionalNumber, useSchemaForm } from '../../lib/schema-form';
import { monitoringResultInputSchema } from '../../../shared/medications/schemas';
import { interpretLabResult } from '../../../shared/medication-safety/labs';
import type { ClinicLabThresholds } from '../../../shared/medication-safety/lab-thresholds';
import { DEFAULT_UPPER_LIMIT_OF_NORMAL } from '../../../shared/medication-safety/lab-ranges';
import { useRecordMonitoringResult, type MonitoringItem, type MonitoringView } from './api';
import { LabInterpretationPanel } from './lab-interpretation';
import type { MonitoringResultView } from './monitoring-api';

const hasUpperLimit = (code: string) => code === 'liver_function' || code === 'ast';

type ResultValues = {
  code: string;
  value: string;
  unit: string;
  /** The report's upper limit as typed: '' uses the clinic's (or the default) limit. */
  upperLimit: string;
  takenOn: string;
};

type ResultContext = {
  tests: MonitoringItem[];
  benignEthnicNeutropenia: boolean;
  clinicUpperLimits: MonitoringView['clinicUpperLimits'];
  clinicThresholds: ClinicLabThresholds | undefined;
};

/**
 * The route's own schema (monitoringResultInputSchema) with the same pure laboratory check the server runs
 * on a lab result (labs.ts: unit, plausible value, whole counts), each problem at its field.
 */
function resultSchema({
  tests,
  benignEthnicNeutropenia,
  clinicUpperLimits,
  clinicThresholds,
}: ResultContext) {
  return monitoringResultInputSchema.superRefine((input, ctx) => {
    const chosen = tests.find((t) => t.code === input.test);
    if (!chosen || chosen.unitChoices.length === 0 || input.value.trim() === '') return;
    if (typeof input.upperLimitOfNormal === 'number' && Number.isNaN(input.upperLimitOfNormal)) return;
    const reading = interpretLabResult(chosen.code, input.value, input.unit, {
      benignEthnicNeutropenia: chosen.code === 'anc' && benignEthnicNeutropenia,
      clinicUpperLimitOfNormal: clinicUpperLimits,
      clinicThresholds,
      upperLimitOfNormal: input.upperLimitOfNormal ?? null,
    });
    if (!reading.ok)
      for (const e of reading.errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
  });
}

export function RecordResultForm({
  patientId,
  items,
  today,
  benignEthnicNeutropenia,
  clinicUpperLimits,
  clinicThresholds,
}: {
  patientId: string;
  items: MonitoringItem[];
  today: string;
  benignEthnicNeutropenia: boolean;
  clinicUpperLimits: MonitoringView['clinicUpperLimits'];
  /** The clinic's edited laboratory thresholds (issue 11), as the server reads new results. */
  clinicThresholds?: ClinicLabThresholds;
}) {
  const record = useRecordMonitoringResult(patientId);
  const [id, setId] = useState(newClientId);
  const tests = [...new Map(items.map((i) => [i.code, i])).values()];
  const first = tests[0];
  const [recorded, setRecorded] = useState<MonitoringResultView | null>(null);
  const schema = useMemo(
    () => resultSchema({ tests: items, benignEthnicNeutropenia, clinicUpperLimits, clinicThresholds }),
    [items, benignEthnicNeutropenia, clinicUpperLimits, clinicThresholds],
  );
  const form = useSchemaForm({
    schema,
    initialValues: (): ResultValues => ({
      code: first?.code ?? '',
      value: '',
      unit: first?.unitChoices[0] ?? first?.defaultUnit ?? '',
      upperLimit: '',
      takenOn: today,
    }),
    toPayload: (v: ResultValues) => ({
      id,
      test: v.code,
      value: v.value,
      unit: v.unit,
      takenOn: v.takenOn,
      medicationId: items.find((i) => i.code === v.code)?.medicationId ?? null,
      upperLimitOfNormal: hasUpperLimit(v.code) ? optionalNumber(v.upperLimit) : null,
    }),
    fieldOf: { test: 'code', upperLimitOfNormal: 'upperLimit' },
  });
  const { code, value, unit, upperLimit } = form.values;
  const chosen = tests.find((t) => t.code === code);
  const isLab = (chosen?.unitChoices.length ?? 0) > 0;
  const upperLimitNumber = optionalNumber(upperLimit);

  // What the result will read as, before saving (the same pure reading the server stores); its unit or
  // plausibility problem shows at the field while typing, before the person leaves it.
  const preview =
    isLab && chosen && value.trim() !== ''
      ? interpretLabResult(chosen.code, value, unit, {
          benignEthnicNeutropenia: chosen.code === 'anc' && benignEthnicNeutropenia,
          clinicUpperLimitOfNormal: clinicUpperLimits,
          clinicThresholds,
          upperLimitOfNormal:
            upperLimitNumber !== null && Number.isFinite(upperLimitNumber) ? upperLimitNumber : null,
        })
      : null;
  const labProblem = (path: 'value' | 'unit'): string | undefined =>
    preview && !preview.ok ? preview.errors.find((e) => e.field === path)?.message : undefined;
  const field = (path: 'value' | 'unit') => {
    const props = form.getInputProps(path);
    return { ...props, error: props.error ?? labProblem(path) };
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    record.reset();
    form.submit((payload) =>
      record.mutate(payload, {
        onSuccess: (answer) => {
          const stored = answer.view.results.find((r) => r.id === payload.id) ?? null;
          setRecorded(stored);
          notifications.show({
            color: stored?.interpretation?.tier === 'critical' ? 'red' : 'green',
            title: 'Result recorded',
            message: `${chosen?.label ?? payload.test}: ${payload.value} ${payload.unit}${stored?.interpretation ? ` (${stored.interpretation.label})` : ''}`,
          });
          setId(newClientId());
          form.reset({ ...form.values, value: '' });
        },
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a monitoring result">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Record a result
        </Text>
        <SimpleGrid cols={{ base: 1, sm: hasUpperLimit(code) ? 5 : 4 }} spacing="sm">
          <Select
            label="Test"
            data={tests.map((t) => ({ value: t.code, label: t.label }))}
            value={code}
            onChange={(v) => {
              const next = tests.find((t) => t.code === v);
              form.setFieldValue('code', v ?? '');
              form.setFieldValue('unit', next?.unitChoices[0] ?? next?.defaultUnit ?? '');
              setRecorded(null);
            }}
            allowDeselect={false}
          />
          <TextInput label="Value" required inputMode="decimal" {...field('value')} />
          {isLab && chosen ? (
            <Select
              label="Unit"
              data={chosen.unitChoices}
              allowDeselect={false}
              required
              {...field('unit')}
              onChange={(v) => form.setFieldValue('unit', v ?? '')}
            />
          ) : (
            <TextInput label="Unit" required {...field('unit')} />
          )}
          {hasUpperLimit(code) && (
            <TextInput
              label="Upper limit of normal (U/L)"
              description={`From the report; blank uses ${String(
                (code === 'ast' ? clinicUpperLimits.ast : clinicUpperLimits.alt) ??
                  DEFAULT_UPPER_LIMIT_OF_NORMAL.alt.value,
              )} U/L`}
              inputMode="decimal"
              {...form.getInputProps('upperLimit')}
            />
          )}
          <TextInput type="date" label="Taken on" required {...form.getInputProps('takenOn')} />
        </SimpleGrid>
        {chosen?.instruction && (
          <Text size="xs" c="dimmed">
            {chosen.instruction}
          </Text>
        )}
        {preview?.ok && !recorded && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Before saving, this result reads:
            </Text>
            <LabInterpretationPanel interpretation={preview.interpretation} />
          </Stack>
        )}
        {record.isError && !fieldsMarked && (
          <Callout color="red" variant="light" role="alert">
            {errorMessage(record.error)}
          </Callout>
        )}
        {recorded?.interpretation && value === '' && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Recorded {formatDay(recorded.takenOn)}: {recorded.value} {recorded.unit}
            </Text>
            <LabInterpretationPanel interpretation={recorded.interpretation} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={record.isPending}>
            Record result
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
