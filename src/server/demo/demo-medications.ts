import { addDays, localDate, weekdayOf } from '../../shared/time/index.js';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { expandScheduledDoses, type Regimen } from '../../shared/medications/schedule.js';
import type { StartMedicationInput, MedicationChangeInput } from '../../shared/medications/schemas.js';
import type { NewSideEffectReport } from '../../shared/side-effects/schemas.js';
import {
  changeMedication,
  listCatalogue,
  loadRegimens,
  startMedication,
} from '../features/medications/index.js';
import { insertLog } from '../features/doses/index.js';
import { patientBasics } from '../platform/patients/patient-basics.js';
import { submitReport } from '../features/side-effects/index.js';

const DAY_MS = 86_400_000;

interface DemoPatient {
  patientId: string;
  userId: string;
}

/** Deterministic "random" so the demo looks the same on every start. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The demo clinic's medications (issue 4), written through the medications and side-effects services as
 * the prescriber and the patient would, with the clock set back to when each thing happened:
 * - Sam Rivera: bupropion XL 150 mg, raised to 300 mg at week 4, and trazodone 50 mg at night, stopped after
 *   6 weeks when sleep improved; mostly taken, Saturdays often missed, three in a row skipped 5 weeks ago
 *   when he ran out.
 * - Maya Chen: sertraline 50 mg with the planned step to 100 mg after two weeks (started 12 weeks ago; she
 *   is in remission), almost every dose taken, and hydroxyzine 25 mg as needed for anxiety (at most 3 a day).
 * - Tom Becker: lamotrigine on the slow label titration without valproate (25 mg weeks 1-2, 50 mg weeks 3-4,
 *   100 mg week 5, then 200 mg), and quetiapine stopped for weight gain; evening doses slipping over the last
 *   two weeks with the last three missed, and an open moderate headache report, so the adherence and
 *   side-effect alerts have something to show.
 * Sam's and Maya's side-effect reports come from side-effects/demo-side-effects.ts (seeded after this).
 * Past dose logs go straight in through the doses repository (history raises no alerts), like the
 * questionnaire history in demo-measures.ts.
 */
export async function seedDemoMedications(
  deps: AppDeps,
  clinicId: string,
  prescriberId: string,
  patients: DemoPatient[],
): Promise<void> {
  const [sam, maya, tom] = patients;
  const now = deps.clock.now();
  const at = (ms: number): AppDeps => ({ ...deps, clock: { now: () => ms } });
  const prescriber: Actor = {
    userId: prescriberId,
    role: 'prescriber',
    clinicId,
    patientId: null,
    sessionIdHash: '',
    csrfToken: '',
  };
  const asPatient = (p: DemoPatient): Actor => ({
    ...prescriber,
    userId: p.userId,
    role: 'patient',
    patientId: p.patientId,
  });
  const catalogue = new Map(
    (await listCatalogue(deps.database.db, clinicId, { includeInactive: false })).map((e) => [
      e.generic_name,
      e.id,
    ]),
  );
  const catalogueId = (name: string) => catalogue.get(name) ?? null;

  const zoneOf = async (p: DemoPatient) =>
    (await patientBasics(deps.database.db, clinicId, p.patientId))?.timeZone ?? 'UTC';

  /** Starts a medication as the prescriber on the morning of its start day (patient's zone, roughly). */
  const start = async (
    p: DemoPatient,
    daysAgo: number,
    input: Omit<StartMedicationInput, 'id' | 'startDate' | 'catalogueId'> & { generic: string },
  ) => {
    const tz = await zoneOf(p);
    const startDate = addDays(localDate(now, tz), -daysAgo);
    const { generic, ...rest } = input;
    const id = catalogueId(generic);
    const detail = await startMedication(
      at(now - daysAgo * DAY_MS - 2 * 3_600_000),
      prescriber,
      p.patientId,
      {
        ...rest,
        id: randomUUID(),
        catalogueId: id,
        ...(id === null ? { name: generic.charAt(0).toUpperCase() + generic.slice(1) } : {}),
        startDate,
      },
    );
    return detail.medication;
  };
  const change = async (
    p: DemoPatient,
    daysAgo: number,
    medicationId: string,
    input: MedicationChangeInput,
  ) => changeMedication(at(now - daysAgo * DAY_MS), prescriber, p.patientId, medicationId, null, input);

  if (sam) {
    const tz = await zoneOf(sam);
    const bupropion = await start(sam, 84, {
      generic: 'bupropion',
      form: 'extended-release tablet',
      route: 'oral',
      instructions: 'Take one tablet in the morning. Do not crush or chew.',
      endDate: null,
      doseAmount: 150,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['08:00'], weekdays: null },
      reason: 'Moderate depression with low energy; agreed in the treatment plan.',
      steps: [],
    });
    await change(sam, 56, bupropion.id, {
      action: 'change_dose',
      effectiveOn: addDays(localDate(now, tz), -56),
      doseAmount: 300,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['08:00'], weekdays: null },
      reason: 'Partial response at 4 weeks, tolerating well.',
    });
    const trazodone = await start(sam, 84, {
      generic: 'trazodone',
      form: 'tablet',
      route: 'oral',
      instructions: 'Take at bedtime if you need help sleeping through.',
      endDate: null,
      doseAmount: 50,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['22:00'], weekdays: null },
      reason: 'Trouble sleeping in the first weeks.',
      steps: [],
    });
    await change(sam, 42, trazodone.id, {
      action: 'stop',
      lastDay: addDays(localDate(now, tz), -42),
      reason: 'Sleep has improved; no longer needed.',
    });
    const ranOutFrom = 35;
    const random = seeded(1001);
    await writeLogs(deps, clinicId, sam, now, 90, random, (dose, daysAgo) => {
      if (dose.medicationId === bupropion.id && daysAgo <= ranOutFrom && daysAgo > ranOutFrom - 3)
        return { status: 'skipped', reason: 'ran_out' };
      if (weekdayOf(dose.localDate) === 6 && random() < 0.55) return 'none';
      return random() < 0.05 ? { status: 'skipped', reason: 'forgot' } : 'taken';
    });
  }

  if (maya) {
    const tz = await zoneOf(maya);
    const sertraline = await start(maya, 85, {
      generic: 'sertraline',
      form: 'tablet',
      route: 'oral',
      instructions: 'Take one tablet in the morning with breakfast.',
      endDate: null,
      doseAmount: 50,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['08:00'], weekdays: null },
      reason: 'Generalised anxiety and depression; agreed in the treatment plan.',
      steps: [{ from: addDays(localDate(now, tz), -85 + 14), doseAmount: 100, doseUnit: 'mg' }],
    });
    const hydroxyzine = await start(maya, 60, {
      generic: 'hydroxyzine',
      form: 'tablet',
      route: 'oral',
      instructions: 'Take one when anxiety is hard to manage; no more than 3 in a day.',
      endDate: null,
      doseAmount: 25,
      doseUnit: 'mg',
      schedule: { kind: 'as_needed', maxPerDay: 3 },
      reason: 'Short-term relief of anxiety while therapy gets going.',
      steps: [],
    });
    await writeLogs(deps, clinicId, maya, now, 90, seeded(2001), (dose) =>
      dose.medicationId === sertraline.id && dose.localDate.endsWith('5') ? 'none' : 'taken',
    );
    const random = seeded(2002);
    for (let daysAgo = 58; daysAgo >= 1; daysAgo -= 1) {
      if (random() > 0.3) continue;
      const day = addDays(localDate(now, tz), -daysAgo);
      const takenAt = now - daysAgo * DAY_MS - Math.floor(random() * 6) * 3_600_000;
      await insertLog(deps.database.db, {
        id: newId(),
        clinic_id: clinicId,
        patient_id: maya.patientId,
        medication_id: hydroxyzine.id,
        dose_key: null,
        status: 'taken',
        skip_reason: null,
        note: random() < 0.5 ? 'Before a difficult meeting' : null,
        taken_at: takenAt,
        scheduled_for: null,
        local_date: day,
        dose_amount: 25,
        dose_unit: 'mg',
        as_needed: 1,
        late_entry: 0,
        logged_by: maya.userId,
        created_at: takenAt,
        updated_at: takenAt,
        version: 1,
      });
    }
  }

  if (tom) {
    const tz = await zoneOf(tom);
    const startDay = addDays(localDate(now, tz), -49);
    // Lamotrigine label titration without valproate: 25 mg/day weeks 1-2, 50 mg weeks 3-4, 100 mg week 5,
    // then 200 mg (care-rules.md "Lamotrigine": risk of serious rash rises with fast titration).
    const lamotrigine = await start(tom, 49, {
      generic: 'lamotrigine',
      form: 'tablet',
      route: 'oral',
      instructions:
        'Take in the evening. Follow the steps exactly; stop and call us at once if a rash appears.',
      endDate: null,
      doseAmount: 25,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['20:00'], weekdays: null },
      reason: 'Bipolar II depression; slow titration to limit rash risk.',
      steps: [
        { from: addDays(startDay, 14), doseAmount: 50, doseUnit: 'mg' },
        { from: addDays(startDay, 28), doseAmount: 100, doseUnit: 'mg' },
        { from: addDays(startDay, 35), doseAmount: 200, doseUnit: 'mg' },
      ],
    });
    const quetiapine = await start(tom, 90, {
      generic: 'quetiapine',
      form: 'tablet',
      route: 'oral',
      instructions: 'Take at bedtime.',
      endDate: null,
      doseAmount: 50,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['22:00'], weekdays: null },
      reason: 'Bipolar II depression.',
      steps: [],
    });
    await change(tom, 50, quetiapine.id, {
      action: 'stop',
      lastDay: addDays(localDate(now, tz), -50),
      reason: 'Weight gain of 4 kg and morning grogginess; switching to lamotrigine.',
    });
    const random = seeded(3003);
    await writeLogs(deps, clinicId, tom, now, 90, random, (dose, daysAgo) => {
      if (dose.medicationId === lamotrigine.id && daysAgo <= 3) return 'none';
      if (daysAgo <= 14 && random() < 0.3)
        return random() < 0.5 ? 'none' : { status: 'skipped', reason: 'forgot' };
      return random() < 0.08 ? 'none' : 'taken';
    });
    await submitReport(at(now - 5 * DAY_MS), asPatient(tom), tom.patientId, {
      id: randomUUID(),
      medicationId: lamotrigine.id,
      symptoms: ['headache'],
      otherText: 'Dull headache most afternoons since the dose went up.',
      severity: 'moderate',
      interference: 3,
      wantsToStop: false,
    } satisfies NewSideEffectReport);
  }
}

type Outcome = 'taken' | 'none' | { status: 'skipped'; reason: 'forgot' | 'ran_out' | 'side_effects' };

/**
 * Past dose logs for every scheduled dose of the patient's regimens over the last `days` days up to
 * yesterday, as `pick` decides; today's doses are left for the patient (and the journey) to log.
 */
async function writeLogs(
  deps: AppDeps,
  clinicId: string,
  p: DemoPatient,
  now: number,
  days: number,
  random: () => number,
  pick: (dose: ReturnType<typeof expandScheduledDoses>[number], daysAgo: number) => Outcome,
): Promise<void> {
  const tz = (await patientBasics(deps.database.db, clinicId, p.patientId))?.timeZone ?? 'UTC';
  const today = localDate(now, tz);
  const regimens: Regimen[] =
    (await loadRegimens(deps.database.db, clinicId, [p.patientId])).get(p.patientId) ?? [];
  await deps.database.transaction(async (trx) => {
    for (const regimen of regimens)
      for (const dose of expandScheduledDoses(regimen, addDays(today, -days), addDays(today, -1), tz)) {
        const daysAgo = Math.round(
          (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dose.localDate}T00:00:00Z`)) / DAY_MS,
        );
        const outcome = pick(dose, daysAgo);
        if (outcome === 'none') continue;
        const loggedAt = dose.dueAt + Math.floor(random() * 75) * 60_000;
        await insertLog(trx, {
          id: newId(),
          clinic_id: clinicId,
          patient_id: p.patientId,
          medication_id: dose.medicationId,
          dose_key: dose.doseKey,
          status: outcome === 'taken' ? 'taken' : 'skipped',
          skip_reason: outcome === 'taken' ? null : outcome.reason,
          note: null,
          taken_at: outcome === 'taken' ? loggedAt : null,
          scheduled_for: dose.dueAt,
          local_date: dose.localDate,
          dose_amount: dose.doseAmount,
          dose_unit: dose.doseUnit,
          as_needed: 0,
          late_entry: 0,
          logged_by: p.userId,
          created_at: loggedAt,
          updated_at: loggedAt,
          version: 1,
        });
      }
  });
}
