import {
  Alert as Callout,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
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
import { mergeWarnings, resolveEntry, serverWarnings, usePrescribingChecks } from './prescribing-checks';
import { useOtherNames } from './clinic-safety-api';
import { allAnswered, answersFor, DoseRangeNote, SafetyWarningsPanel } from './safety-panel';
import type { SafetyAnswer } from '../../../shared/medication-safety/prescribing-schemas';
import { fieldErrors } from './field-errors';
import { DOSE_UNITS, FORMS, ROUTES } from './options';
import { defaultSchedule, ScheduleBuilder } from './schedule-builder';
import { StepsEditor, stepsReady, type StepDraft } from './steps-editor';

export type ChangeAction = MedicationChangeInput['action'];

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
  const [effectiveOn, setEffectiveOn] = useState(today < medication.startDate ? medication.startDate : today);
  const [doseAmount, setDoseAmount] = useState<number | ''>(current?.doseAmount ?? '');
  const [doseUnit, setDoseUnit] = useState(current?.doseUnit ?? 'mg');
  const [schedule, setSchedule] = useState<DoseSchedule>(current?.schedule ?? defaultSchedule);
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [form, setForm] = useState(medication.form);
  const [route, setRoute] = useState(medication.route);
  const [instructions, setInstructions] = useState(medication.instructions);
  const [endDate, setEndDate] = useState(medication.endDate ?? '');
  const [reason, setReason] = useState('');
  const [overMaximumReason, setOverMaximumReason] = useState('');
  const [answers, setAnswers] = useState<Record<string, SafetyAnswer>>({});
  const serverErrors = fieldErrors(change.error);
  const stale = isApiError(change.error, 'precondition_failed');

  // Issue 11: a dose change or titration plan runs the same checks as the server, as the prescriber types.
  const checking = action === 'change_dose' || action === 'plan_steps';
  const catalogue = useCatalogue('');
  const context = usePrescribingContext(checking ? patientId : '', medication.id);
  const otherNames = useOtherNames();
  const entry =
    catalogue.data?.find((e) => e.id === medication.catalogueId) ??
    resolveEntry(catalogue.data ?? [], medication.name, otherNames.data);
  const stepUnit = current?.doseUnit ?? doseUnit;
  const readySteps = stepsReady(steps);
  const checks = usePrescribingChecks({
    catalogue: catalogue.data ?? [],
    entry,
    name: medication.name,
    form: medication.form,
    doses:
      action === 'change_dose'
        ? doseAmount === ''
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
            ]
        : action === 'plan_steps'
          ? readySteps.map((st, i) => ({
              path: `body.steps.${String(i)}.doseAmount`,
              unitPath: `body.steps.${String(i)}.doseUnit`,
              label: `Step ${String(i + 1)}`,
              amount: st.doseAmount,
              unit: stepUnit,
              schedule: current?.schedule ?? schedule,
            }))
          : [],
    steps: action === 'plan_steps' ? readySteps : [],
    stepsAfter: null,
    context: checking ? context.data : undefined,
  });
  const local: Record<string, string> = {};
  for (const p of [...(checks?.fieldErrors ?? []), ...(checks?.overMaximum ?? [])]) {
    const key = p.path.replace(/^body\./, '').split('.')[0] ?? '';
    local[key] ??= p.message;
  }
  const checked = ['doseAmount', 'doseUnit', 'steps', 'overMaximumReason'];
  const errors: Record<string, string> = {
    ...Object.fromEntries(Object.entries(serverErrors).filter(([k]) => !checks || !checked.includes(k))),
    ...local,
  };
  const overMaximum = (checks?.overMaximum.length ?? 0) > 0 || serverErrors.overMaximumReason !== undefined;
  const warnings = checking ? mergeWarnings(checks?.warnings ?? [], serverWarnings(change.error)) : [];
  const blocked =
    checking &&
    ((checks?.fieldErrors.length ?? 0) > 0 ||
      (overMaximum && overMaximumReason.trim() === '') ||
      !allAnswered(warnings, answers));

  const body = (): MedicationChangeInput | null => {
    const safety = {
      overMaximumReason: overMaximum ? overMaximumReason.trim() : null,
      safetyAnswers: answersFor(warnings, answers),
    };
    const common = { reason, sideEffectReportId };
    switch (action) {
      case 'change_dose':
        return doseAmount === ''
          ? null
          : { action, effectiveOn, doseAmount, doseUnit, schedule, ...common, ...safety };
      case 'plan_steps': {
        const ready = readySteps.map((s) => ({ ...s, doseUnit: stepUnit }));
        return ready.length === 0 ? null : { action, steps: ready, ...common, ...safety };
      }
      case 'pause':
      case 'resume':
        return { action, effectiveOn, ...common };
      case 'stop':
        return { action, lastDay: effectiveOn, ...common };
      case 'edit_details':
        return { action, form, route, instructions, endDate: endDate === '' ? null : endDate, ...common };
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const b = body();
    if (!b) return;
    change.mutate(
      { medicationId: medication.id, version: medication.version, body: b },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Change recorded',
            message: `${medication.name}: ${actionLabels[action].toLowerCase()}.`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`${medication.name}: ${actionLabels[action]}`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {action === 'change_dose' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  label="New dose"
                  min={0}
                  value={doseAmount}
                  onChange={(v) => setDoseAmount(typeof v === 'number' ? v : '')}
                  required
                  error={errors.doseAmount}
                  aria-describedby="change-dose-range"
                />
                <Select
                  label="Unit"
                  data={DOSE_UNITS}
                  value={doseUnit}
                  onChange={(v) => setDoseUnit(v ?? 'mg')}
                  allowDeselect={false}
                  error={errors.doseUnit}
                />
                <TextInput
                  type="date"
                  label="From"
                  value={effectiveOn}
                  onChange={(e) => setEffectiveOn(e.currentTarget.value)}
                  required
                  error={errors.effectiveOn}
                />
              </SimpleGrid>
              <ScheduleBuilder value={schedule} onChange={setSchedule} idPrefix="change" />
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
                steps={steps}
                onChange={setSteps}
                unit={current?.doseUnit ?? 'mg'}
                firstDay={today}
              />
              {errors.steps && (
                <Text size="sm" c="red">
                  {errors.steps}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                Steps replace any planned steps from the first step's day on.
              </Text>
            </>
          )}
          {checking && <DoseRangeNote range={checks?.range ?? null} id="change-dose-range" />}
          {checking && overMaximum && (
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
          {(action === 'pause' || action === 'resume' || action === 'stop') && (
            <TextInput
              type="date"
              label={action === 'stop' ? 'Last day taken' : action === 'pause' ? 'Pause from' : 'Resume from'}
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              required
              error={errors.effectiveOn ?? errors.lastDay}
              w={220}
            />
          )}
          {action === 'edit_details' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label="Form"
                  data={[...new Set([...FORMS, form])]}
                  value={form}
                  onChange={(v) => setForm(v ?? form)}
                  allowDeselect={false}
                />
                <Select
                  label="Route"
                  data={[...new Set([...ROUTES, route])]}
                  value={route}
                  onChange={(v) => setRoute(v ?? route)}
                  allowDeselect={false}
                />
                <TextInput
                  type="date"
                  label="End date"
                  description="Empty = ongoing"
                  value={endDate}
                  onChange={(e) => setEndDate(e.currentTarget.value)}
                  error={errors.endDate}
                />
              </SimpleGrid>
              <Textarea
                label="Instructions for the patient"
                autosize
                minRows={2}
                value={instructions}
                onChange={(e) => setInstructions(e.currentTarget.value)}
              />
            </>
          )}
          <Textarea
            label="Reason"
            description="Kept in the medication's history"
            autosize
            minRows={2}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <SafetyWarningsPanel warnings={warnings} answers={answers} onChange={setAnswers} />
          {stale && (
            <Callout color="orange" variant="light">
              Someone changed this medication since you opened it. The page now shows the latest; close and
              try again.
            </Callout>
          )}
          {change.isError && !stale && Object.keys(errors).length === 0 && warnings.length === 0 && (
            <Callout color="red" variant="light">
              {errorMessage(change.error)}
            </Callout>
          )}
          {blocked && (
            <Text size="sm" role="status">
              To record this, fix what is marked above and answer each safety check.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color={action === 'stop' ? 'red' : undefined}
              loading={change.isPending}
              disabled={reason.trim() === '' || body() === null || blocked}
            >
              {action === 'stop' ? 'Stop medication' : 'Record change'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
