import { addDays } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import type { MedicationPeriodTable, MedicationTable } from '../../db/schema-medications.js';
import { periodInEffect, type DosePeriod } from '../../../shared/medications/schedule.js';
import {
  medicationChangeInputSchema,
  type ChangeKind,
  type MedicationChangeInput,
  type MedicationDetail,
} from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import { regimenOf } from './medications.mapper.js';
import { detailOf, findMedicationForPatient, todayOf } from './medications.service.js';
import { periodRows, periodText, stepPeriods, stepsText } from './medication-periods.js';
import { checkStepOrder } from '../../../shared/medication-safety/steps.js';
import { enforcePrescribingChecks, loadPrescribingFacts, resolveToCatalogue } from './prescribing-checks.js';

// Changing a medication (issue 4): dose or schedule, titration/taper steps, pause, resume, stop, details.
// Only the prescriber on the care team; every change keeps its reason in medication_changes.

interface Plan {
  kind: ChangeKind;
  summary: string;
  effectiveOn: string;
  /** Periods from this day on are replaced by `periods`. */
  replaceFrom: string | null;
  periods: DosePeriod[];
  set: Partial<Pick<MedicationTable, 'form' | 'route' | 'instructions' | 'end_date' | 'status'>>;
}

function notBeforeStart(row: MedicationTable, day: string, path: string) {
  if (day < row.start_date)
    throw new AppError(
      'validation_failed',
      `The change cannot take effect before the start (${row.start_date}).`,
      [{ path, message: 'Before the start date' }],
    );
  if (row.end_date !== null && day > row.end_date)
    throw new AppError('validation_failed', `The medication ends on ${row.end_date}.`, [
      { path, message: 'After the end date' },
    ]);
}

/** Turns one requested change into new periods and record fields (pure apart from the errors). */
function planChange(
  row: MedicationTable,
  periods: MedicationPeriodTable[],
  input: ReturnType<typeof medicationChangeInputSchema.parse>,
): Plan {
  const regimen = regimenOf(row, periods);
  // The period in effect that day; after the end date the last one (before the start there is none).
  const inEffect = (day: string) =>
    periodInEffect(regimen, day) ??
    (day >= row.start_date ? regimen.periods[regimen.periods.length - 1] : undefined);
  switch (input.action) {
    case 'change_dose': {
      notBeforeStart(row, input.effectiveOn, 'body.effectiveOn');
      const before = inEffect(addDays(input.effectiveOn, -1)) ?? inEffect(input.effectiveOn);
      const next: DosePeriod = {
        from: input.effectiveOn,
        doseAmount: input.doseAmount,
        doseUnit: input.doseUnit,
        schedule: input.schedule,
        paused: false,
      };
      const doseChanged =
        !before || before.doseAmount !== next.doseAmount || before.doseUnit !== next.doseUnit;
      return {
        kind: doseChanged ? 'dose_changed' : 'schedule_changed',
        summary: before
          ? `${periodText(before)} → ${periodText(next)} from ${input.effectiveOn}`
          : `${periodText(next)} from ${input.effectiveOn}`,
        effectiveOn: input.effectiveOn,
        replaceFrom: input.effectiveOn,
        periods: [next],
        set: { status: 'active' },
      };
    }
    case 'plan_steps': {
      // Steps stay in the order given (issue 11): out of order is refused naming the step, never sorted.
      const order = checkStepOrder(input.steps, null);
      if (order.length > 0)
        throw new AppError('validation_failed', order[0]?.message ?? 'Steps out of order.', order);
      const sorted = input.steps;
      const firstDay = sorted[0]?.from ?? row.start_date;
      if (firstDay <= row.start_date)
        throw new AppError('validation_failed', 'Each step starts after the start date.', [
          { path: 'body.steps', message: 'On or before the start date' },
        ]);
      for (const s of sorted) notBeforeStart(row, s.from, 'body.steps');
      const before = inEffect(addDays(firstDay, -1));
      if (!before) throw new AppError('conflict', 'This medication has no dose to step from.');
      const steps = stepPeriods(before, sorted);
      return {
        kind: 'titration_planned',
        summary: `Steps: ${stepsText(steps)}`,
        effectiveOn: firstDay,
        replaceFrom: firstDay,
        periods: steps,
        set: {},
      };
    }
    case 'pause': {
      notBeforeStart(row, input.effectiveOn, 'body.effectiveOn');
      const current = inEffect(input.effectiveOn);
      if (!current || current.paused)
        throw new AppError('conflict', 'The medication is already paused on that day.');
      return {
        kind: 'paused',
        summary: `Paused from ${input.effectiveOn} (was ${periodText(current)})`,
        effectiveOn: input.effectiveOn,
        replaceFrom: input.effectiveOn,
        periods: [{ ...current, from: input.effectiveOn, paused: true }],
        set: { status: 'paused' },
      };
    }
    case 'resume': {
      notBeforeStart(row, input.effectiveOn, 'body.effectiveOn');
      const current = inEffect(input.effectiveOn);
      if (!current?.paused) throw new AppError('conflict', 'The medication is not paused on that day.');
      return {
        kind: 'resumed',
        summary: `Resumed ${periodText(current)} from ${input.effectiveOn}`,
        effectiveOn: input.effectiveOn,
        replaceFrom: input.effectiveOn,
        periods: [{ ...current, from: input.effectiveOn, paused: false }],
        set: { status: 'active' },
      };
    }
    case 'stop': {
      if (input.lastDay < addDays(row.start_date, -1))
        throw new AppError('validation_failed', 'The last day is before the start.', [
          { path: 'body.lastDay', message: 'Before the start date' },
        ]);
      return {
        kind: 'stopped',
        summary:
          input.lastDay < row.start_date
            ? 'Stopped before the first dose'
            : `Stopped; last day ${input.lastDay}`,
        effectiveOn: input.lastDay,
        // The start period stays even when stopped before it, so the record keeps what was prescribed.
        replaceFrom: input.lastDay < row.start_date ? null : addDays(input.lastDay, 1),
        periods: [],
        set: { status: 'stopped', end_date: input.lastDay },
      };
    }
    case 'edit_details': {
      if (input.endDate !== null && input.endDate < row.start_date)
        throw new AppError('validation_failed', 'The end date is before the start date.', [
          { path: 'body.endDate', message: 'Before the start date' },
        ]);
      const parts: string[] = [];
      if (input.form !== row.form) parts.push(`form ${row.form} → ${input.form}`);
      if (input.route !== row.route) parts.push(`route ${row.route} → ${input.route}`);
      if (input.instructions !== row.instructions) parts.push('instructions updated');
      if (input.endDate !== row.end_date)
        parts.push(`end date ${row.end_date ?? 'none'} → ${input.endDate ?? 'none'}`);
      return {
        kind: 'details_changed',
        summary: parts.length > 0 ? parts.join('; ') : 'No detail changed',
        effectiveOn: row.start_date,
        replaceFrom: input.endDate !== null ? addDays(input.endDate, 1) : null,
        periods: [],
        set: {
          form: input.form,
          route: input.route,
          instructions: input.instructions,
          end_date: input.endDate,
        },
      };
    }
  }
}

/**
 * One change to a medication (dose/schedule, titration steps, pause, resume, stop, details), with its reason.
 * Optimistic concurrency: `expectedVersion` is the version the prescriber saw (If-Match); null skips the
 * check (seeds only). A change may name the side-effect report it answers.
 */
export function changeMedication(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  medicationId: string,
  expectedVersion: number | null,
  raw: MedicationChangeInput,
): Promise<MedicationDetail> {
  const input = medicationChangeInputSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: `medication.${input.action}`, resourceType: 'medication', resourceId: medicationId },
    async (trx) => {
      const row = await findMedicationForPatient(trx, actor.clinicId, patientId, medicationId);
      if (!row) throw notFound('Medication');
      if (expectedVersion !== null && row.version !== expectedVersion)
        throw new AppError(
          'precondition_failed',
          'Someone changed this medication since you opened it. Reload and try again.',
          {
            currentVersion: row.version,
          },
        );
      if (row.status === 'stopped')
        throw new AppError('conflict', 'This medication is stopped. Start it again as a new medication.');
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const periods = await repo.periodsOf(trx, [row.id]);
      const plan = planChange(row, periods, input);
      const now = deps.clock.now();
      // Issue 11: a dose change or titration plan runs the prescribing checks (dose limits, units,
      // combinations, allergies) and keeps the prescriber's reason and answers with the change.
      const checks =
        input.action === 'change_dose' || input.action === 'plan_steps'
          ? await (async () => {
              const facts = await loadPrescribingFacts(trx, actor.clinicId, patientId, today, now, row.id);
              const entry = row.catalogue_id
                ? facts.catalogue.byId.get(row.catalogue_id)
                : resolveToCatalogue(facts.catalogue, row.name);
              return enforcePrescribingChecks(facts, {
                entry,
                name: row.name,
                form: row.form,
                doses: plan.periods.map((p, i) => ({
                  path:
                    input.action === 'change_dose' ? 'body.doseAmount' : `body.steps.${String(i)}.doseAmount`,
                  unitPath:
                    input.action === 'change_dose' ? 'body.doseUnit' : `body.steps.${String(i)}.doseUnit`,
                  label: input.action === 'change_dose' ? 'The dose' : `Step ${String(i + 1)}`,
                  amount: p.doseAmount,
                  unit: p.doseUnit,
                  schedule: p.schedule,
                })),
                steps: [],
                stepsAfter: null,
                overMaximumReason: input.overMaximumReason,
                safetyAnswers: input.safetyAnswers,
              });
            })()
          : null;
      const updated = await repo.updateMedication(trx, actor.clinicId, row.id, row.version, {
        ...plan.set,
        updated_at: now,
      });
      if (!updated)
        throw new AppError(
          'precondition_failed',
          'Someone changed this medication at the same time. Reload and try again.',
        );
      const changeId = newId();
      await repo.insertChange(trx, {
        id: changeId,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: row.id,
        kind: plan.kind,
        summary: plan.summary,
        reason: input.reason,
        effective_on: plan.effectiveOn,
        changed_by: actor.userId,
        changed_at: now,
        side_effect_report_id: input.sideEffectReportId,
        over_maximum: checks?.overMaximum ? JSON.stringify(checks.overMaximum) : null,
        safety_answers: checks && checks.answers.length > 0 ? JSON.stringify(checks.answers) : null,
      });
      if (plan.replaceFrom !== null) await repo.deletePeriodsFrom(trx, row.id, plan.replaceFrom);
      const pathOf = (i: number) =>
        input.action === 'change_dose' ? 'body.doseAmount' : `body.steps.${String(i)}.doseAmount`;
      await repo.insertPeriods(
        trx,
        periodRows(actor.clinicId, row.id, changeId, plan.periods, now).map((p, i) => ({
          ...p,
          over_maximum_reason: checks?.overPaths.has(pathOf(i)) ? (checks.overMaximum?.reason ?? null) : null,
        })),
      );
      const fresh = await repo.findMedication(trx, actor.clinicId, row.id);
      if (!fresh) throw new Error('medication vanished inside its transaction');
      return detailOf(trx, actor.clinicId, fresh, today);
    },
  );
}
