import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import type { MedicationPeriodTable, MedicationTable } from '../../db/schema-medications.js';
import { addDays, localDay } from '../../../shared/medications/local-time.js';
import { describeSchedule, periodInEffect, type DosePeriod } from '../../../shared/medications/schedule.js';
import {
  medicationChangeInputSchema,
  startMedicationSchema,
  type ChangeKind,
  type Medication,
  type MedicationChangeInput,
  type MedicationDetail,
  type MedicationList,
  type StartMedicationInput,
  type StepInput,
} from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import { regimenOf, toChange, toMedication } from './medications.mapper.js';

/**
 * A patient's medication records (issue 4). Only the prescriber on the patient's care team starts, changes,
 * pauses, resumes or stops a medication; everyone else on the team and the patient read. Every change keeps
 * a row in medication_changes with its reason. Duet records what was prescribed; it does not send
 * prescriptions to pharmacies.
 */

/** 403 with a clear reason for team members who are not the patient's prescriber. */
export async function requirePrescriber(trx: Db, actor: Actor, patientId: string): Promise<void> {
  const roles =
    actor.role === 'prescriber'
      ? await repo.careTeamRoleOf(trx, actor.clinicId, patientId, actor.userId)
      : [];
  if (!roles.includes('prescriber'))
    throw new AppError('forbidden', 'Only the prescriber on the care team starts or changes medications.', {
      reason: 'prescriber_only',
    });
}

async function todayOf(trx: Db, deps: Pick<AppDeps, 'clock'>, clinicId: string, patientId: string) {
  const zone = await repo.patientZone(trx, clinicId, patientId);
  if (zone === null) throw notFound('Patient');
  return { zone, today: localDay(deps.clock.now(), zone) };
}

/** Reads medication records of one patient as the API shape (with catalogue facts and names). */
export async function medicationViews(
  trx: Db,
  clinicId: string,
  rows: MedicationTable[],
  today: string,
): Promise<Medication[]> {
  const periods = await repo.periodsOf(
    trx,
    rows.map((r) => r.id),
  );
  const catalogue = await repo.catalogueEntriesByIds(
    trx,
    clinicId,
    rows.flatMap((r) => (r.catalogue_id ? [r.catalogue_id] : [])),
  );
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const names = await repo.userNames(
    trx,
    clinicId,
    rows.map((r) => r.prescribed_by),
  );
  return rows.map((r) =>
    toMedication(r, periods, r.catalogue_id ? byId.get(r.catalogue_id) : undefined, names, today),
  );
}

/** The medication record when it belongs to this patient (else undefined): other features use this. */
export async function findMedicationForPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  medicationId: string,
) {
  const row = await repo.findMedication(db, clinicId, medicationId);
  return row?.patient_id === patientId ? row : undefined;
}

const doseText = (amount: number, unit: string) => `${String(amount)} ${unit}`;
const periodText = (p: { doseAmount: number; doseUnit: string; schedule: DosePeriod['schedule'] }) =>
  p.schedule.kind === 'as_needed'
    ? `${doseText(p.doseAmount, p.doseUnit)} ${describeSchedule(p.schedule)}`
    : `${doseText(p.doseAmount, p.doseUnit)} ${describeSchedule(p.schedule)}`;

/** Steps as periods, each defaulting to the schedule in effect just before it. */
function stepPeriods(before: DosePeriod, steps: StepInput[]): DosePeriod[] {
  const sorted = [...steps].sort((a, b) => (a.from < b.from ? -1 : 1));
  const out: DosePeriod[] = [];
  let previous = before;
  for (const s of sorted) {
    if (out.some((p) => p.from === s.from))
      throw new AppError('validation_failed', 'Two steps start on the same day.', [
        { path: 'body.steps', message: `Two steps on ${s.from}` },
      ]);
    const period: DosePeriod = {
      from: s.from,
      doseAmount: s.doseAmount,
      doseUnit: s.doseUnit,
      schedule: s.schedule ?? previous.schedule,
      paused: false,
    };
    out.push(period);
    previous = period;
  }
  return out;
}

const stepsText = (steps: DosePeriod[]) =>
  steps.map((s) => `${doseText(s.doseAmount, s.doseUnit)} from ${s.from}`).join('; ');

function periodRows(
  clinicId: string,
  medicationId: string,
  changeId: string,
  periods: DosePeriod[],
  now: number,
) {
  return periods.map((p): MedicationPeriodTable => ({
    id: newId(),
    clinic_id: clinicId,
    medication_id: medicationId,
    starts_on: p.from,
    dose_amount: p.doseAmount,
    dose_unit: p.doseUnit,
    schedule: JSON.stringify(p.schedule),
    paused: p.paused ? 1 : 0,
    created_at: now,
    change_id: changeId,
  }));
}

async function detailOf(
  trx: Db,
  clinicId: string,
  row: MedicationTable,
  today: string,
): Promise<MedicationDetail> {
  const [medication] = await medicationViews(trx, clinicId, [row], today);
  if (!medication) throw new Error('medication vanished inside its transaction');
  const changes = await repo.changesOf(trx, clinicId, row.id);
  const names = await repo.userNames(
    trx,
    clinicId,
    changes.map((c) => c.changed_by),
  );
  return { today, medication, changes: changes.map((c) => toChange(c, names)) };
}

/**
 * Starts a medication (with optional titration steps planned at once). Idempotent on the client's id: a
 * retry returns the first record. Usable from seeds: `startMedication(deps, prescriberActor, patientId, input)`.
 */
export function startMedication(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  raw: StartMedicationInput,
): Promise<MedicationDetail & { created: boolean }> {
  const input = startMedicationSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.start', resourceType: 'medication', resourceId: input.id },
    async (trx) => {
      await requirePrescriber(trx, actor, patientId);
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const retry = async () => {
        const existing = await repo.findMedication(trx, actor.clinicId, input.id);
        if (existing?.patient_id !== patientId)
          throw new AppError('conflict', 'This medication id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { ...(await detailOf(trx, actor.clinicId, existing, today)), created: false };
      };
      if (await repo.findMedication(trx, actor.clinicId, input.id)) return retry();

      let name = input.name ?? '';
      let drugClass: string | null = null;
      if (input.catalogueId !== null) {
        const entry = await repo.findCatalogueEntry(trx, actor.clinicId, input.catalogueId);
        if (!entry || entry.active !== 1)
          throw new AppError('validation_failed', 'This medication is not in the clinic’s catalogue.', [
            { path: 'body.catalogueId', message: 'Unknown or inactive entry' },
          ]);
        name =
          name.length > 0 ? name : entry.generic_name.charAt(0).toUpperCase() + entry.generic_name.slice(1);
        drugClass = entry.drug_class;
      }
      const now = deps.clock.now();
      const first: DosePeriod = {
        from: input.startDate,
        doseAmount: input.doseAmount,
        doseUnit: input.doseUnit,
        schedule: input.schedule,
        paused: false,
      };
      const steps = stepPeriods(first, input.steps);
      if (input.endDate !== null && steps.some((s) => s.from > (input.endDate ?? '')))
        throw new AppError('validation_failed', 'A step starts after the end date.', [
          { path: 'body.steps', message: 'After the end date' },
        ]);
      const inserted = await repo.insertMedication(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        catalogue_id: input.catalogueId,
        name,
        drug_class: drugClass,
        form: input.form,
        route: input.route,
        instructions: input.instructions,
        start_date: input.startDate,
        end_date: input.endDate,
        status: 'active',
        prescribed_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      if (!inserted) return retry();
      const changeId = newId();
      await repo.insertChange(trx, {
        id: changeId,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: input.id,
        kind: 'started',
        summary:
          `Started ${name} ${periodText(first)} from ${input.startDate}` +
          (steps.length > 0 ? `; then ${stepsText(steps)}` : '') +
          (input.endDate ? `; until ${input.endDate}` : ''),
        reason: input.reason,
        effective_on: input.startDate,
        changed_by: actor.userId,
        changed_at: now,
        side_effect_report_id: null,
      });
      await repo.insertPeriods(trx, periodRows(actor.clinicId, input.id, changeId, [first, ...steps], now));
      const row = await repo.findMedication(trx, actor.clinicId, input.id);
      if (!row) throw new Error('medication vanished inside its transaction');
      return { ...(await detailOf(trx, actor.clinicId, row, today)), created: true };
    },
  );
}

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
      const sorted = [...input.steps].sort((a, b) => (a.from < b.from ? -1 : 1));
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
      await requirePrescriber(trx, actor, patientId);
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
      });
      if (plan.replaceFrom !== null) await repo.deletePeriodsFrom(trx, row.id, plan.replaceFrom);
      await repo.insertPeriods(trx, periodRows(actor.clinicId, row.id, changeId, plan.periods, now));
      const fresh = await repo.findMedication(trx, actor.clinicId, row.id);
      if (!fresh) throw new Error('medication vanished inside its transaction');
      return detailOf(trx, actor.clinicId, fresh, today);
    },
  );
}

/** All of a patient's medications (current and past) with today's dose and upcoming steps. */
export function listMedications(deps: AppDeps, actor: Actor, patientId: string): Promise<MedicationList> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.list', resourceType: 'medication' },
    async (trx) => {
      const { zone, today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const rows = await repo.medicationsOfPatient(trx, actor.clinicId, patientId);
      return { today, timeZone: zone, medications: await medicationViews(trx, actor.clinicId, rows, today) };
    },
  );
}

/** One medication with its full change history. */
export function getMedication(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  medicationId: string,
): Promise<MedicationDetail> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.read', resourceType: 'medication', resourceId: medicationId },
    async (trx) => {
      const row = await findMedicationForPatient(trx, actor.clinicId, patientId, medicationId);
      if (!row) throw notFound('Medication');
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      return detailOf(trx, actor.clinicId, row, today);
    },
  );
}
