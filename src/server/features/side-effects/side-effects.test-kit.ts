import type { AppDeps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import type { BuiltPatient, BuiltUser } from '../../testing/factories.js';

/**
 * Gives a patient a medication record straight in the medications feature's tables (as its start flow
 * would), so side-effect tests do not depend on that feature's routes. `catalogueName` links the clinic's
 * seeded catalogue entry (and so its urgent symptoms).
 */
export async function giveMedication(
  deps: AppDeps,
  patient: BuiltPatient,
  prescriber: BuiltUser,
  opts: {
    name: string;
    catalogueName?: string;
    startDate: string;
    steps: { from: string; doseAmount: number; doseUnit?: string }[];
  },
): Promise<{ medicationId: string; changeIds: string[] }> {
  const db = deps.database.db;
  const clinicId = prescriber.clinicId;
  const now = deps.clock.now();
  const catalogue = opts.catalogueName
    ? await db
        .selectFrom('medication_catalogue')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .where('generic_name', '=', opts.catalogueName)
        .executeTakeFirstOrThrow()
    : null;
  const medicationId = newId();
  await db
    .insertInto('medications')
    .values({
      id: medicationId,
      clinic_id: clinicId,
      patient_id: patient.overview.id,
      catalogue_id: catalogue?.id ?? null,
      name: opts.name,
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: opts.startDate,
      end_date: null,
      status: 'active',
      prescribed_by: prescriber.id,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  const changeIds: string[] = [];
  for (const [i, step] of opts.steps.entries()) {
    const changeId = await recordChange(deps, patient, prescriber, medicationId, {
      kind: i === 0 ? 'started' : 'titration_planned',
      summary: `${String(step.doseAmount)} ${step.doseUnit ?? 'mg'} from ${step.from}`,
      effectiveOn: step.from,
    });
    changeIds.push(changeId);
    await db
      .insertInto('medication_periods')
      .values({
        id: newId(),
        clinic_id: clinicId,
        medication_id: medicationId,
        starts_on: step.from,
        dose_amount: step.doseAmount,
        dose_unit: step.doseUnit ?? 'mg',
        schedule: JSON.stringify({ kind: 'times', times: ['08:00'], weekdays: null }),
        paused: 0,
        created_at: now,
        change_id: changeId,
      })
      .execute();
  }
  return { medicationId, changeIds };
}

/** One row of a medication's history, as the change flow records it. */
export async function recordChange(
  deps: AppDeps,
  patient: BuiltPatient,
  prescriber: BuiltUser,
  medicationId: string,
  change: { kind: string; summary: string; effectiveOn: string; sideEffectReportId?: string | null },
): Promise<string> {
  const id = newId();
  await deps.database.db
    .insertInto('medication_changes')
    .values({
      id,
      clinic_id: prescriber.clinicId,
      patient_id: patient.overview.id,
      medication_id: medicationId,
      kind: change.kind,
      summary: change.summary,
      reason: 'test',
      effective_on: change.effectiveOn,
      changed_by: prescriber.id,
      changed_at: deps.clock.now(),
      side_effect_report_id: change.sideEffectReportId ?? null,
    })
    .execute();
  return id;
}
