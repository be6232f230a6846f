import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { useCatalogue, usePrescribingContext, useStartMedication, type DoseSchedule } from './api';
import {
  curatedListNotice,
  mergeWarnings,
  resolveEntry,
  prescribingChecks,
  serverWarnings,
} from './prescribing-checks';
import { requiredNumber, useSchemaForm } from '../../lib/schema-form';
import { checkErrors, checkWords, reasonMissing, useReadOnce, withCheckWords } from './prescribing-form';
import { DoseField, FixWhatIsMarked, OverMaximumReasonField, ReasonField } from './prescribing-fields';
import { startMedicationSchema } from '../../../shared/medications/schemas';
import { useOtherNames } from './clinic-safety-api';
import { allAnswered, answersFor, DoseRangeNote, SafetyWarningsPanel } from './safety-panel';
import type { SafetyAnswer } from '../../../shared/medication-safety/prescribing-schemas';
import { NO_E_PRESCRIBING } from './medication-words';
import { DOSE_UNITS, FORMS, ROUTES } from './options';
import { defaultSchedule, ScheduleBuilder } from './schedule-builder';
import { StepsEditor, stepsReady, type StepDraft } from './steps-editor';

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type StartValues = {
  freeText: boolean;
  catalogueId: string | null;
  name: string;
  /** As the number field holds it: '' while empty (refused at the field, never 0). */
  doseAmount: number | string;
  doseUnit: string;
  form: string;
  route: string;
  schedule: DoseSchedule;
  startDate: string;
  endDate: string;
  instructions: string;
  reason: string;
  steps: StepDraft[];
  overMaximumReason: string;
  needsMonitoring: '' | 'yes' | 'no';
  monitoringNote: string;
};

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
  const [answers, setAnswers] = useState<Record<string, SafetyAnswer>>({});
  const context = usePrescribingContext(patientId);
  // A brand or salt typed by name means the catalogue entry (issue 11), as on the server.
  const otherNames = useOtherNames();

  /** What the prescriber chose and the same pure prescribing checks the server runs (issue 11). */
  const reading = (v: StartValues) => {
    const chosen = catalogue.data?.find((e) => e.id === v.catalogueId);
    const resolved = v.freeText ? resolveEntry(catalogue.data ?? [], v.name, otherNames.data) : undefined;
    const entry = v.freeText ? resolved : chosen;
    const amount = requiredNumber(v.doseAmount);
    const readySteps = stepsReady(v.steps);
    const dose = (label: string, at: string, stepAmount: number) => ({
      path: `body.${at}doseAmount`,
      unitPath: `body.${at}doseUnit`,
      label,
      amount: stepAmount,
      unit: v.doseUnit,
      schedule: v.schedule,
    });
    const checks = prescribingChecks({
      catalogue: catalogue.data ?? [],
      entry,
      name: v.freeText ? v.name : (chosen?.genericName ?? ''),
      form: v.form,
      doses: !Number.isFinite(amount)
        ? []
        : [
            dose('The dose', '', amount),
            ...readySteps.map((st, i) => dose(`Step ${String(i + 1)}`, `steps.${String(i)}.`, st.doseAmount)),
          ],
      steps: readySteps,
      stepsAfter: v.startDate,
      context: context.data,
    });
    return {
      chosen,
      resolved,
      entry,
      checks,
      unknownName: v.freeText && v.name.trim() !== '' && !resolved,
      overMaximum: (checks?.overMaximum.length ?? 0) > 0,
    };
  };
  const readingOf = useReadOnce(reading, [catalogue.data, otherNames.data, context.data]);
  const warningsOf = (v: StartValues) =>
    mergeWarnings(readingOf(v).checks?.warnings ?? [], serverWarnings(start.error));

  // Checked with the route's own schema (startMedicationSchema) and the prescribing checks, each problem
  // at its field; nothing is sent while one fails (issue 17).
  const form = useSchemaForm({
    schema: startMedicationSchema,
    initialValues: (): StartValues => ({
      freeText: false,
      catalogueId: null,
      name: '',
      doseAmount: '',
      doseUnit: 'mg',
      form: 'tablet',
      route: 'oral',
      schedule: defaultSchedule,
      startDate: today,
      endDate: '',
      instructions: '',
      reason: '',
      steps: [],
      overMaximumReason: '',
      needsMonitoring: '',
      monitoringNote: '',
    }),
    toPayload: (v: StartValues) => {
      const { overMaximum, unknownName } = readingOf(v);
      return {
        id,
        catalogueId: v.freeText ? null : v.catalogueId,
        ...(v.freeText ? { name: v.name } : {}),
        form: v.form,
        route: v.route,
        instructions: v.instructions,
        startDate: v.startDate,
        endDate: v.endDate === '' ? null : v.endDate,
        doseAmount: requiredNumber(v.doseAmount),
        doseUnit: v.doseUnit,
        schedule: v.schedule,
        reason: v.reason,
        // Every step is sent as typed: a step without a dose is refused at its field, never dropped.
        steps: v.steps.map((s) => ({
          from: s.from,
          doseAmount: requiredNumber(s.doseAmount),
          doseUnit: v.doseUnit,
        })),
        overMaximumReason: overMaximum ? v.overMaximumReason.trim() : null,
        safetyAnswers: answersFor(warningsOf(v), answers),
        ...(unknownName && v.needsMonitoring !== ''
          ? {
              monitoringAnswer: {
                needsMonitoring: v.needsMonitoring === 'yes',
                note: v.monitoringNote.trim(),
              },
            }
          : {}),
      };
    },
    fieldOf: { monitoringAnswer: 'needsMonitoring' },
    moreErrors: (v: StartValues) => {
      const { checks, unknownName } = readingOf(v);
      const found = checkErrors(checks, v.overMaximumReason);
      if (unknownName && v.needsMonitoring === '') found.needsMonitoring = 'Say whether it needs monitoring.';
      return found;
    },
  });
  const v = form.values;
  const { resolved, entry, checks, unknownName, overMaximum } = readingOf(v);
  const warnings = warningsOf(v);
  const unanswered = !allAnswered(warnings, answers);
  // The prescribing checks' words show at the dose, unit and steps as the prescriber types (issue 11),
  // under the form's own message once there is one (the schema's or the server's).
  const words = checkWords(checks, v.overMaximumReason);
  const field = (path: keyof StartValues) => withCheckWords(form.getInputProps(path), words, path);
  // The safety gates hold the button until answered (a reason above the maximum, each warning, whether an
  // unknown medicine needs monitoring); any other problem is shown at its field when "Record" is pressed.
  const gated =
    unanswered || reasonMissing(checks, v.overMaximumReason) || (unknownName && v.needsMonitoring === '');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    start.reset();
    form.submit((payload) => {
      if (unanswered) return;
      start.mutate(payload, {
        onSuccess: (detail) => {
          notifications.show({
            color: 'green',
            title: 'Medication recorded',
            message: `${detail.medication.name} started.`,
          });
          setId(newClientId());
          onDone();
        },
        onError: (error) => form.setServerErrors(error),
      });
    });
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
  // A problem with the steps as a whole (their order); a step's own field shows its own.
  const stepsError = Object.keys(form.errors).some((key) => key.startsWith('steps.'))
    ? undefined
    : form.errorAt('steps');

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
            checked={v.freeText}
            onChange={(e) => form.setFieldValue('freeText', e.currentTarget.checked)}
          />
          {v.freeText ? (
            <TextInput
              label="Medication name"
              required
              maxLength={120}
              {...field('name')}
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
              {...field('catalogueId')}
              error={
                field('catalogueId').error ?? (catalogue.isError ? errorMessage(catalogue.error) : undefined)
              }
            />
          )}
          {unknownName && (
            <Paper withBorder radius="sm" p="sm">
              <Stack gap={6}>
                <Radio.Group
                  label={`Duet does not know “${v.name.trim()}”. Does it need monitoring (blood levels, blood counts, ECG …)?`}
                  required
                  {...field('needsMonitoring')}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="yes" label="Yes, it needs monitoring" />
                    <Radio value="no" label="No monitoring needed" />
                  </Group>
                </Radio.Group>
                <TextInput label="What to monitor (optional)" maxLength={500} {...field('monitoringNote')} />
              </Stack>
            </Paper>
          )}
          {entry && !v.freeText && (
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
            <DoseField idPrefix="start" label="Dose" {...field('doseAmount')} />
            <Select label="Unit" data={DOSE_UNITS} allowDeselect={false} {...field('doseUnit')} />
            <Select label="Form" data={FORMS} allowDeselect={false} {...field('form')} />
            <Select label="Route" data={ROUTES} allowDeselect={false} {...field('route')} />
          </SimpleGrid>
          <DoseRangeNote range={checks?.range ?? null} id="start-dose-range" />
          {(entry || v.freeText) && (
            <Text size="xs" c="dimmed">
              {curatedListNotice}
            </Text>
          )}
          {overMaximum && <OverMaximumReasonField {...field('overMaximumReason')} />}
          <ScheduleBuilder
            value={v.schedule}
            onChange={(next) => form.setFieldValue('schedule', next)}
            idPrefix="start"
          />
          {form.errorAt('schedule') && (
            <Text size="sm" c="red.9" role="alert">
              {form.errorAt('schedule')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label="Start date" required {...field('startDate')} />
            <TextInput
              type="date"
              label="End date (optional)"
              description="Last day; leave empty when ongoing"
              {...field('endDate')}
            />
          </SimpleGrid>
          <StepsEditor
            steps={v.steps}
            onChange={(next) => form.setFieldValue('steps', next)}
            unit={v.doseUnit}
            firstDay={v.startDate}
            errorAt={form.errorAt}
          />
          {stepsError !== undefined && (
            <Text size="sm" c="red.9" role="alert">
              {stepsError}
            </Text>
          )}
          <Textarea
            label="Instructions for the patient"
            placeholder="For example: take with breakfast"
            autosize
            minRows={2}
            maxLength={2000}
            {...field('instructions')}
          />
          <ReasonField {...field('reason')} />
          <SafetyWarningsPanel warnings={warnings} answers={answers} onChange={setAnswers} />
          {start.isError && !fieldsMarked && warnings.length === 0 && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(start.error)}
            </Callout>
          )}
          <FixWhatIsMarked shown={fieldsMarked || gated} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending} disabled={gated}>
              Record medication
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
