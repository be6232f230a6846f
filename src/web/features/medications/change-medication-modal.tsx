import { Alert as Callout, Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../app/api-client';
import { errorMessage } from '../../components/query-state';
import {
  useCatalogue,
  useChangeMedication,
  usePrescribingContext,
  type DoseSchedule,
  type Medication,
  type MedicationChangeInput,
} from './api';
import { mergeWarnings, prescribingChecks, resolveEntry, serverWarnings } from './prescribing-checks';
import { useOtherNames } from './clinic-safety-api';
import { allAnswered, answersFor, DoseRangeNote, SafetyWarningsPanel } from './safety-panel';
import type { SafetyAnswer } from '../../../shared/medication-safety/prescribing-schemas';
import { requiredNumber, useSchemaForm } from '../../lib/schema-form';
import { checkErrors, checkWords, reasonMissing, useReadOnce, withCheckWords } from './prescribing-form';
import { DoseField, FixWhatIsMarked, OverMaximumReasonField, ReasonField } from './prescribing-fields';
import { medicationChangeInputSchema } from '../../../shared/medications/schemas';
import { DOSE_UNITS, FORMS, ROUTES } from './options';
import { defaultSchedule, ScheduleBuilder } from './schedule-builder';
import { StepsEditor, stepsReady, type StepDraft } from './steps-editor';

export type ChangeAction = MedicationChangeInput['action'];

type ChangeValues = {
  effectiveOn: string;
  /** As the number field holds it: '' while empty (refused at the field, never 0). */
  doseAmount: number | string;
  doseUnit: string;
  schedule: DoseSchedule;
  steps: StepDraft[];
  form: string;
  route: string;
  instructions: string;
  endDate: string;
  reason: string;
  overMaximumReason: string;
};

export const actionLabels: Record<ChangeAction, string> = {
  change_dose: 'Change dose or schedule',
  plan_steps: 'Plan titration or taper steps',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  edit_details: 'Edit form, route, instructions or end date',
};

/**
 * One change to a medication with its reason, sent with the version the prescriber saw (If-Match). A change
 * from a dose or schedule replaces the planned steps after its day; plan new steps after it if needed.
 */
export function ChangeMedicationModal({
  patientId,
  medication,
  action,
  today,
  sideEffectReportId = null,
  onClose,
}: {
  patientId: string;
  medication: Medication;
  action: ChangeAction;
  today: string;
  /** Set when this change answers a side-effect report. */
  sideEffectReportId?: string | null;
  onClose: () => void;
}) {
  const change = useChangeMedication(patientId);
  const current = medication.current ?? medication.periods.at(-1) ?? null;
  const [answers, setAnswers] = useState<Record<string, SafetyAnswer>>({});
  const stale = isApiError(change.error, 'precondition_failed');

  // Issue 11: a dose change or titration plan runs the same checks as the server, as the prescriber types.
  const checking = action === 'change_dose' || action === 'plan_steps';
  const catalogue = useCatalogue('');
  const context = usePrescribingContext(checking ? patientId : '', medication.id);
  const otherNames = useOtherNames();
  const entry =
    catalogue.data?.find((e) => e.id === medication.catalogueId) ??
    resolveEntry(catalogue.data ?? [], medication.name, otherNames.data);
  const stepUnit = current?.doseUnit ?? 'mg';

  const checksOf = (v: ChangeValues) => {
    const amount = requiredNumber(v.doseAmount);
    const readySteps = stepsReady(v.steps);
    const doses =
      action === 'change_dose'
        ? Number.isFinite(amount)
          ? [
              {
                path: 'body.doseAmount',
                unitPath: 'body.doseUnit',
                label: 'The dose',
                amount,
                unit: v.doseUnit,
                schedule: v.schedule,
              },
            ]
          : []
        : action === 'plan_steps'
          ? readySteps.map((st, i) => ({
              path: `body.steps.${String(i)}.doseAmount`,
              unitPath: `body.steps.${String(i)}.doseUnit`,
              label: `Step ${String(i + 1)}`,
              amount: st.doseAmount,
              unit: stepUnit,
              schedule: current?.schedule ?? v.schedule,
            }))
          : [];
    return prescribingChecks({
      catalogue: catalogue.data ?? [],
      entry,
      name: medication.name,
      form: medication.form,
      doses,
      steps: action === 'plan_steps' ? readySteps : [],
      stepsAfter: null,
      context: checking ? context.data : undefined,
    });
  };
  const checksFor = useReadOnce(checksOf, [catalogue.data, otherNames.data, context.data]);
  const overMaximumOf = (v: ChangeValues) => (checksFor(v)?.overMaximum.length ?? 0) > 0;
  const warningsOf = (v: ChangeValues) =>
    checking ? mergeWarnings(checksFor(v)?.warnings ?? [], serverWarnings(change.error)) : [];

  // Checked with the route's own schema (medicationChangeInputSchema) and the prescribing checks before it
  // is sent; each problem at its field, the first focused; an emptied dose is refused there (issue 17).
  const form = useSchemaForm({
    schema: medicationChangeInputSchema,
    initialValues: (): ChangeValues => ({
      effectiveOn: today < medication.startDate ? medication.startDate : today,
      doseAmount: current?.doseAmount ?? '',
      doseUnit: current?.doseUnit ?? 'mg',
      schedule: current?.schedule ?? defaultSchedule,
      steps: [],
      form: medication.form,
      route: medication.route,
      instructions: medication.instructions,
      endDate: medication.endDate ?? '',
      reason: '',
      overMaximumReason: '',
    }),
    toPayload: (v: ChangeValues): MedicationChangeInput => {
      const safety = {
        overMaximumReason: overMaximumOf(v) ? v.overMaximumReason.trim() : null,
        safetyAnswers: answersFor(warningsOf(v), answers),
      };
      const common = { reason: v.reason, sideEffectReportId };
      switch (action) {
        case 'change_dose':
          return {
            action,
            effectiveOn: v.effectiveOn,
            doseAmount: requiredNumber(v.doseAmount),
            doseUnit: v.doseUnit,
            schedule: v.schedule,
            ...common,
            ...safety,
          };
        case 'plan_steps':
          // Every step as typed: one without a dose is refused at its field, never dropped.
          return {
            action,
            steps: v.steps.map((st) => ({
              from: st.from,
              doseAmount: requiredNumber(st.doseAmount),
              doseUnit: stepUnit,
            })),
            ...common,
            ...safety,
          };
        case 'pause':
        case 'resume':
          return { action, effectiveOn: v.effectiveOn, ...common };
        case 'stop':
          return { action, lastDay: v.effectiveOn, ...common };
        case 'edit_details':
          return {
            action,
            form: v.form,
            route: v.route,
            instructions: v.instructions,
            endDate: v.endDate === '' ? null : v.endDate,
            ...common,
          };
      }
    },
    fieldOf: { lastDay: 'effectiveOn' },
    moreErrors: (v: ChangeValues) => checkErrors(checksFor(v), v.overMaximumReason),
  });
  const v = form.values;
  const checks = checksFor(v);
  const overMaximum = overMaximumOf(v);
  const warnings = warningsOf(v);
  const unanswered = !allAnswered(warnings, answers);
  // The prescribing checks' words show at the dose and steps as the prescriber types (issue 11), under the
  // form's own message once there is one.
  const words = checkWords(checks, v.overMaximumReason);
  const field = (path: keyof ChangeValues) => withCheckWords(form.getInputProps(path), words, path);
  const gated = checking && (unanswered || reasonMissing(checks, v.overMaximumReason));
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');
  const stepsError = Object.keys(form.errors).some((key) => key.startsWith('steps.'))
    ? undefined
    : (form.errorAt('steps') ?? words.steps);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    change.reset();
    form.submit((body) => {
      if (gated) return;
      change.mutate(
        { medicationId: medication.id, version: medication.version, body },
        {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              title: 'Change recorded',
              message: `${medication.name}: ${actionLabels[action].toLowerCase()}.`,
            });
            onClose();
          },
          onError: (error) => form.setServerErrors(error),
        },
      );
    });
  };

  return (
    <Modal opened onClose={onClose} title={`${medication.name}: ${actionLabels[action]}`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {action === 'change_dose' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <DoseField idPrefix="change" label="New dose" {...field('doseAmount')} />
                <Select label="Unit" data={DOSE_UNITS} allowDeselect={false} {...field('doseUnit')} />
                <TextInput type="date" label="From" required {...field('effectiveOn')} />
              </SimpleGrid>
              <ScheduleBuilder
                value={v.schedule}
                onChange={(next) => form.setFieldValue('schedule', next)}
                idPrefix="change"
              />
              {form.errorAt('schedule') && (
                <Text size="sm" c="red.9" role="alert">
                  {form.errorAt('schedule')}
                </Text>
              )}
              {medication.upcoming.length > 0 && (
                <Text size="sm" c="dimmed">
                  Planned steps after this day are replaced by this change.
                </Text>
              )}
            </>
          )}
          {action === 'plan_steps' && (
            <>
              <StepsEditor
                steps={v.steps}
                onChange={(next) => form.setFieldValue('steps', next)}
                unit={stepUnit}
                firstDay={today}
                errorAt={form.errorAt}
              />
              {stepsError !== undefined && (
                <Text size="sm" c="red.9" role="alert">
                  {stepsError}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                Steps replace any planned steps from the first step's day on.
              </Text>
            </>
          )}
          {checking && <DoseRangeNote range={checks?.range ?? null} id="change-dose-range" />}
          {checking && overMaximum && <OverMaximumReasonField {...field('overMaximumReason')} />}
          {(action === 'pause' || action === 'resume' || action === 'stop') && (
            <TextInput
              type="date"
              label={action === 'stop' ? 'Last day taken' : action === 'pause' ? 'Pause from' : 'Resume from'}
              required
              {...field('effectiveOn')}
              w={220}
            />
          )}
          {action === 'edit_details' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label="Form"
                  data={[...new Set([...FORMS, medication.form])]}
                  allowDeselect={false}
                  {...field('form')}
                />
                <Select
                  label="Route"
                  data={[...new Set([...ROUTES, medication.route])]}
                  allowDeselect={false}
                  {...field('route')}
                />
                <TextInput type="date" label="End date" description="Empty = ongoing" {...field('endDate')} />
              </SimpleGrid>
              <Textarea
                label="Instructions for the patient"
                autosize
                minRows={2}
                maxLength={2000}
                {...field('instructions')}
              />
            </>
          )}
          <ReasonField {...field('reason')} data-autofocus />
          <SafetyWarningsPanel warnings={warnings} answers={answers} onChange={setAnswers} />
          {stale && (
            <Callout color="orange" variant="light" role="alert">
              Someone changed this medication since you opened it. The page now shows the latest; close and
              try again.
            </Callout>
          )}
          {change.isError && !stale && !fieldsMarked && warnings.length === 0 && (
            <Callout color="red" variant="light" role="alert">
              {errorMessage(change.error)}
            </Callout>
          )}
          <FixWhatIsMarked shown={fieldsMarked || gated} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color={action === 'stop' ? 'red' : undefined}
              loading={change.isPending}
              disabled={gated}
            >
              {action === 'stop' ? 'Stop medication' : 'Record change'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
