import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../components/query-state';
import { fieldErrors } from './field-errors';
import { newClientId } from '../messaging/api';
import { useCatalogue, usePrescribingContext, useStartMedication, type DoseSchedule } from './api';
import {
  curatedListNotice,
  mergeWarnings,
  resolveEntry,
  serverWarnings,
  usePrescribingChecks,
} from './prescribing-checks';
import { useOtherNames } from './clinic-safety-api';
import { allAnswered, answersFor, DoseRangeNote, SafetyWarningsPanel } from './safety-panel';
import type { SafetyAnswer } from '../../../shared/medication-safety/prescribing-schemas';
import { NO_E_PRESCRIBING } from './medication-words';
import { DOSE_UNITS, FORMS, ROUTES } from './options';
import { defaultSchedule, ScheduleBuilder } from './schedule-builder';
import { StepsEditor, stepsReady, type StepDraft } from './steps-editor';

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The prescriber starts a medication: from the catalogue or by name, dose, schedule, dates, steps, reason. */
export function StartMedicationForm({
  patientId,
  today,
  onDone,
}: {
  patientId: string;
  today: string;
  onDone: () => void;
}) {
  const catalogue = useCatalogue('');
  const start = useStartMedication(patientId);
  const [id, setId] = useState(newClientId);
  const [catalogueId, setCatalogueId] = useState<string | null>(null);
  const [freeText, setFreeText] = useState(false);
  const [name, setName] = useState('');
  const [doseAmount, setDoseAmount] = useState<number | ''>('');
  const [doseUnit, setDoseUnit] = useState('mg');
  const [form, setForm] = useState('tablet');
  const [route, setRoute] = useState('oral');
  const [schedule, setSchedule] = useState<DoseSchedule>(defaultSchedule);
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [instructions, setInstructions] = useState('');
  const [reason, setReason] = useState('');
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [overMaximumReason, setOverMaximumReason] = useState('');
  const [answers, setAnswers] = useState<Record<string, SafetyAnswer>>({});
  const [needsMonitoring, setNeedsMonitoring] = useState<'' | 'yes' | 'no'>('');
  const [monitoringNote, setMonitoringNote] = useState('');
  const context = usePrescribingContext(patientId);
  const serverErrors = fieldErrors(start.error);
  const chosen = catalogue.data?.find((e) => e.id === catalogueId);
  // A brand or salt typed by name means the catalogue entry (issue 11), as on the server.
  const otherNames = useOtherNames();
  const resolved = freeText ? resolveEntry(catalogue.data ?? [], name, otherNames.data) : undefined;
  const entry = freeText ? resolved : chosen;
  const unknownName = freeText && name.trim() !== '' && !resolved;
  const readySteps = stepsReady(steps);
  const checks = usePrescribingChecks({
    catalogue: catalogue.data ?? [],
    entry,
    name: freeText ? name : (chosen?.genericName ?? ''),
    form,
    doses:
      doseAmount === ''
        ? []
        : [
            {
              path: 'body.doseAmount',
              unitPath: 'body.doseUnit',
              label: 'The dose',
              amount: doseAmount,
              unit: doseUnit,
              schedule,
            },
            ...readySteps.map((st, i) => ({
              path: `body.steps.${String(i)}.doseAmount`,
              unitPath: `body.steps.${String(i)}.doseUnit`,
              label: `Step ${String(i + 1)}`,
              amount: st.doseAmount,
              unit: doseUnit,
              schedule,
            })),
          ],
    steps: readySteps,
    stepsAfter: startDate,
    context: context.data,
  });
  // Local problems by field (the same words as the server's), then the server's own answer.
  const local: Record<string, string> = {};
  for (const p of [...(checks?.fieldErrors ?? []), ...(checks?.overMaximum ?? [])]) {
    const key = p.path.replace(/^body\./, '').split('.')[0] ?? '';
    local[key] ??= p.message;
  }
  // The checked fields follow the local checks as the prescriber edits; other fields keep the server's words.
  const checked = ['doseAmount', 'doseUnit', 'steps', 'overMaximumReason'];
  const errors: Record<string, string> = {
    ...Object.fromEntries(Object.entries(serverErrors).filter(([k]) => !checks || !checked.includes(k))),
    ...local,
  };
  const overMaximum = (checks?.overMaximum.length ?? 0) > 0 || serverErrors.overMaximumReason !== undefined;
  const warnings = mergeWarnings(checks?.warnings ?? [], serverWarnings(start.error));
  const blocked =
    (checks?.fieldErrors.length ?? 0) > 0 ||
    (overMaximum && overMaximumReason.trim() === '') ||
    !allAnswered(warnings, answers) ||
    (unknownName && needsMonitoring === '');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (doseAmount === '') return;
    start.mutate(
      {
        id,
        catalogueId: freeText ? null : catalogueId,
        ...(freeText ? { name } : {}),
        form,
        route,
        instructions,
        startDate,
        endDate: endDate === '' ? null : endDate,
        doseAmount,
        doseUnit,
        schedule,
        reason,
        steps: readySteps.map((s) => ({ ...s, doseUnit })),
        overMaximumReason: overMaximum ? overMaximumReason.trim() : null,
        safetyAnswers: answersFor(warnings, answers),
        ...(unknownName
          ? { monitoringAnswer: { needsMonitoring: needsMonitoring === 'yes', note: monitoringNote.trim() } }
          : {}),
      },
      {
        onSuccess: (detail) => {
          notifications.show({
            color: 'green',
            title: 'Medication recorded',
            message: `${detail.medication.name} started.`,
          });
          setId(newClientId());
          onDone();
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-medication-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="start-medication-heading">
            Start a medication
          </Title>
          <Callout color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {NO_E_PRESCRIBING}
          </Callout>
          <Checkbox
            label="Not in the catalogue: record by name"
            checked={freeText}
            onChange={(e) => setFreeText(e.currentTarget.checked)}
          />
          {freeText ? (
            <TextInput
              label="Medication name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
              description={
                resolved
                  ? `Recognised as ${titleCase(resolved.genericName)}: its dose limits, monitoring, guide and urgent symptoms apply.`
                  : undefined
              }
            />
          ) : (
            <Select
              label="Medication"
              placeholder="Search the clinic's catalogue"
              searchable
              required
              nothingFoundMessage="Not in the catalogue: tick 'record by name'"
              data={(catalogue.data ?? []).map((e) => ({
                value: e.id,
                label: `${titleCase(e.genericName)} (${e.drugClass})`,
              }))}
              value={catalogueId}
              onChange={setCatalogueId}
              error={errors.catalogueId ?? (catalogue.isError ? errorMessage(catalogue.error) : undefined)}
            />
          )}
          {unknownName && (
            <Paper withBorder radius="sm" p="sm">
              <Stack gap={6}>
                <Radio.Group
                  label={`Duet does not know “${name.trim()}”. Does it need monitoring (blood levels, blood counts, ECG …)?`}
                  value={needsMonitoring}
                  onChange={(v) => setNeedsMonitoring(v === 'yes' ? 'yes' : 'no')}
                  required
                  error={errors.monitoringAnswer}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="yes" label="Yes, it needs monitoring" />
                    <Radio value="no" label="No monitoring needed" />
                  </Group>
                </Radio.Group>
                <TextInput
                  label="What to monitor (optional)"
                  value={monitoringNote}
                  onChange={(e) => setMonitoringNote(e.currentTarget.value)}
                />
              </Stack>
            </Paper>
          )}
          {entry && !freeText && (
            <Group gap="xs">
              <Text size="xs">
                RxNorm {entry.rxnormCode ?? 'none'} · source: {entry.rxnormSource}
              </Text>
              {entry.rxnormVerified ? (
                <SoftBadge size="xs" color="green">
                  verified
                </SoftBadge>
              ) : (
                <SoftBadge size="xs" color="orange">
                  unverified
                </SoftBadge>
              )}
              {entry.monitoring !== '' && <Text size="xs">Monitoring: {entry.monitoring}</Text>}
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <NumberInput
              label="Dose"
              min={0}
              value={doseAmount}
              onChange={(v) => setDoseAmount(typeof v === 'number' ? v : '')}
              required
              error={errors.doseAmount}
              aria-describedby="start-dose-range"
            />
            <Select
              label="Unit"
              data={DOSE_UNITS}
              value={doseUnit}
              onChange={(v) => setDoseUnit(v ?? 'mg')}
              allowDeselect={false}
              error={errors.doseUnit}
            />
            <Select
              label="Form"
              data={FORMS}
              value={form}
              onChange={(v) => setForm(v ?? 'tablet')}
              allowDeselect={false}
            />
            <Select
              label="Route"
              data={ROUTES}
              value={route}
              onChange={(v) => setRoute(v ?? 'oral')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <DoseRangeNote range={checks?.range ?? null} id="start-dose-range" />
          {(entry || freeText) && (
            <Text size="xs" c="dimmed">
              {curatedListNotice}
            </Text>
          )}
          {overMaximum && (
            <Textarea
              label="Reason for going above the maximum"
              description="Shown beside the dose and in the history to the whole team"
              autosize
              minRows={2}
              required
              value={overMaximumReason}
              onChange={(e) => setOverMaximumReason(e.currentTarget.value)}
              error={
                overMaximumReason.trim() === ''
                  ? (serverErrors.overMaximumReason ?? 'Give a reason, or lower the dose.')
                  : undefined
              }
            />
          )}
          <ScheduleBuilder value={schedule} onChange={setSchedule} idPrefix="start" />
          {errors.schedule && (
            <Text size="sm" c="red">
              {errors.schedule}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label="Start date"
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              required
              error={errors.startDate}
            />
            <TextInput
              type="date"
              label="End date (optional)"
              description="Last day; leave empty when ongoing"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={errors.endDate}
            />
          </SimpleGrid>
          <StepsEditor steps={steps} onChange={setSteps} unit={doseUnit} firstDay={startDate} />
          {errors.steps && (
            <Text size="sm" c="red">
              {errors.steps}
            </Text>
          )}
          <Textarea
            label="Instructions for the patient"
            placeholder="For example: take with breakfast"
            autosize
            minRows={2}
            value={instructions}
            onChange={(e) => setInstructions(e.currentTarget.value)}
          />
          <Textarea
            label="Reason"
            description="Kept in the medication's history"
            autosize
            minRows={2}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <SafetyWarningsPanel warnings={warnings} answers={answers} onChange={setAnswers} />
          {start.isError && Object.keys(errors).length === 0 && warnings.length === 0 && (
            <Callout color="red" variant="light">
              {errorMessage(start.error)}
            </Callout>
          )}
          {blocked && (
            <Text size="sm" role="status">
              To record this, fix what is marked above and answer each safety check.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={doseAmount === '' || reason.trim() === '' || blocked}
            >
              Record medication
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
