import {
  Alert as Callout,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type SubmitEvent } from 'react';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { newClientId } from '../messaging/api';
import { optionalNumber, useSchemaForm } from '../../lib/schema-form';
import { monitoringResultInputSchema } from '../../../shared/medications/schemas';
import { interpretLabResult } from '../../../shared/medication-safety/labs';
import type { ClinicLabThresholds } from '../../../shared/medication-safety/lab-thresholds';
import { DEFAULT_UPPER_LIMIT_OF_NORMAL } from '../../../shared/medication-safety/lab-ranges';
import { useMonitoring, useRecordMonitoringResult, type MonitoringItem, type MonitoringView } from './api';
import { LabInterpretationPanel, LabTierBadge } from './lab-interpretation';
import { useSetLabProfile, type LabProfile, type MonitoringResultView } from './monitoring-api';

const statusWords: Record<MonitoringItem['status'], { label: string; color: string }> = {
  overdue: { label: 'Overdue', color: 'red' },
  due_soon: { label: 'Due soon', color: 'orange' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  none: { label: 'Nothing due', color: 'gray' },
};

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

function RecordResultForm({
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

/** Clozapine: which ANC table applies (general population or benign ethnic neutropenia; clozapine label). */
function AncTableSwitch({
  patientId,
  profile,
  medicationName,
  canEdit,
}: {
  patientId: string;
  profile: LabProfile;
  medicationName: string;
  canEdit: boolean;
}) {
  const save = useSetLabProfile(patientId);
  return (
    <Stack gap={2}>
      <Switch
        label={`Benign ethnic neutropenia: use the BEN ANC table for ${medicationName} (normal from 1000/uL)`}
        checked={profile.benignEthnicNeutropenia}
        disabled={!canEdit || save.isPending}
        onChange={(e) =>
          save.mutate({
            medicationId: profile.medicationId,
            version: profile.version,
            benignEthnicNeutropenia: e.currentTarget.checked,
          })
        }
      />
      {save.isError && (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      )}
    </Stack>
  );
}

function DueCell({ item }: { item: MonitoringItem }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <SoftBadge size="sm" color={statusWords[item.status].color}>
          {statusWords[item.status].label}
        </SoftBadge>
        <Text size="sm">
          {item.dueFrom ? `${formatDay(item.dueFrom)} – ` : ''}
          {item.dueOn ? formatDay(item.dueOn) : '—'}
          {item.daysOverdue > 0 ? ` (${String(item.daysOverdue)} days late)` : ''}
        </Text>
      </Group>
      {item.reason && <Text size="xs">{item.reason}</Text>}
      {item.instruction && (
        <Text size="xs" c="dimmed">
          {item.instruction}
        </Text>
      )}
    </Stack>
  );
}

function RecordedResults({ view }: { view: MonitoringView }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Recorded results
      </Text>
      {view.results.slice(0, 10).map((r) => (
        <Stack gap={0} key={r.id}>
          <Group gap={6}>
            {r.interpretation && <LabTierBadge interpretation={r.interpretation} />}
            <Text size="sm">
              {formatDay(r.takenOn)} · {view.items.find((i) => i.code === r.test)?.label ?? r.test}: {r.value}{' '}
              {r.unit}{' '}
              <Text span size="xs" c="dimmed">
                ({r.recordedBy.name})
              </Text>
            </Text>
          </Group>
          {r.interpretation && r.interpretation.tier !== 'normal' && (
            <Text size="xs">
              {r.interpretation.label}: {r.interpretation.action}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** Monitoring due and overdue (lithium, clozapine ANC, valproate, antipsychotic metabolic) and results. */
export function MonitoringCard({ patientId, canRecord }: { patientId: string; canRecord: boolean }) {
  const view = useMonitoring(patientId);
  const profiles = view.data?.labProfiles ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="monitoring-heading">
      <Title order={2} size="h4" id="monitoring-heading" mb="sm">
        Monitoring
      </Title>
      {view.isPending && <LoadingState />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && view.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No current medication needs monitoring.
        </Text>
      )}
      {view.data && view.data.items.length > 0 && (
        <Stack gap="sm">
          <ScrollTable label="Monitoring due">
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Test</Table.Th>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Last result</Table.Th>
                  <Table.Th>Schedule</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.items.map((i) => (
                  <Table.Tr key={`${i.medicationId}:${i.code}`}>
                    <Table.Td>{i.label}</Table.Td>
                    <Table.Td>{i.medicationName}</Table.Td>
                    <Table.Td>
                      <DueCell item={i} />
                    </Table.Td>
                    <Table.Td>{i.lastResultOn ? formatDay(i.lastResultOn) : 'none'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" title={i.source}>
                        {i.scheduleText}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {profiles.map((p) => (
            <AncTableSwitch
              key={p.medicationId}
              patientId={patientId}
              profile={p}
              canEdit={canRecord}
              medicationName={
                view.data.items.find((i) => i.medicationId === p.medicationId)?.medicationName ?? 'clozapine'
              }
            />
          ))}
          {canRecord && (
            <RecordResultForm
              patientId={patientId}
              items={view.data.items}
              today={view.data.today}
              benignEthnicNeutropenia={profiles.some((p) => p.benignEthnicNeutropenia)}
              clinicUpperLimits={view.data.clinicUpperLimits}
              clinicThresholds={view.data.clinicLabThresholds}
            />
          )}
          {view.data.results.length > 0 && <RecordedResults view={view.data} />}
        </Stack>
      )}
    </Paper>
  );
}
