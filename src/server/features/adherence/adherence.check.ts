import { addDays, localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { countedDoses, missedStreaks, rateInWindow } from '../../../shared/adherence/adherence.js';
import { isLowAdherence, isMissedStreak, lowAdherenceBlock } from '../../../shared/adherence/alerting.js';
import { adherenceSettingsOf } from '../../../shared/adherence/settings.js';
import { everyClinicSettings } from '../clinic/index.js';
import { byMedication } from '../../../shared/adherence/per-medication.js';
import type { EventPayload, EventType } from '../../../shared/alerts/events.js';
import { loadPatientDoses } from './adherence-inputs.js';
import * as repo from './adherence.repository.js';
import { perMedicationEvents } from './per-medication.check.js';
import { timeSlices, type TimeSlices } from '../../platform/single-flight.js';

interface Pending<T extends EventType> {
  type: T;
  clinicId: string;
  patientId: string;
  payload: EventPayload<T>;
  dedupeKey: string;
}

/** How far back a missed-dose streak is looked for: long enough for 3 weekly doses (product choice). */
const STREAK_LOOKBACK_DAYS = 21;
/**
 * Patients per batch (issue 19): a batch's doses are loaded and expanded in one stretch, so batches stay
 * small (500 took hundreds of ms); the rules then run under the 8 ms time budget, a turn between slices.
 */
const BATCH = 50;

/**
 * Adherence alerts (issue 4), set-based per clinic with the clinic's thresholds:
 * - `adherence.low`: doses taken / scheduled over the window (default 14 days) below the threshold (80%),
 *   once at least the minimum number of doses counts; once per patient per window-length block of days;
 * - `adherence.missed_streak`: the latest N (default 3) counted doses of one medication all missed; once
 *   per streak (keyed by its first missed dose), so a streak that grows raises nothing new.
 * - `adherence.medication_low` (issue 11): one regular medication below the threshold over the window, when
 *   the patient has two or more (with one, the pooled alert is the same figure); once per medication per
 *   window-length block;
 * - `adherence.critical_gap` (issue 11): lithium, clozapine or an anticonvulsant mood stabiliser with no
 *   dose taken on the clinic's number of days in a row (default 3); once per run of untaken days.
 * A dose counts once its local day has ended or it is logged (shared/adherence/adherence.ts), so the
 * check never calls tonight's dose missed in the morning. Dedupe keys make reruns harmless.
 */
export async function checkAdherence(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  const slices = timeSlices();
  for (const clinic of await everyClinicSettings(deps.database.db)) {
    const s = adherenceSettingsOf(clinic.settings);
    const days = Math.max(s.adherenceWindowDays, STREAK_LOOKBACK_DAYS);
    const sinceDay = addDays(localDate(now, 'UTC'), -(days + 1));
    const patients = await repo.patientsWithMedicationsSince(deps.database.db, clinic.id, sinceDay);
    for (let i = 0; i < patients.length; i += BATCH) {
      await slices.yieldNow();
      const pending: Pending<EventType>[] = [];
      const ids = patients.slice(i, i + BATCH);
      const batch = await loadPatientDoses(deps.database.db, clinic.id, ids, now, days);
      const names = await repo.medicationNames(deps.database.db, clinic.id, ids);
      for (const p of batch) {
        await slices.maybeYield();
        const counted = countedDoses(p.scheduled, p.logs, p.today);
        const rate = rateInWindow(counted, p.today, s.adherenceWindowDays);
        if (isLowAdherence(rate, s))
          pending.push({
            type: 'adherence.low',
            clinicId: clinic.id,
            patientId: p.patientId,
            payload: {
              windowDays: s.adherenceWindowDays,
              taken: rate.taken,
              scheduled: rate.scheduled,
              thresholdPercent: s.adherenceThresholdPercent,
            },
            dedupeKey: `adherence-low:${p.patientId}:${String(s.adherenceWindowDays)}:${lowAdherenceBlock(p.today, s.adherenceWindowDays)}`,
          });
        const byMed = byMedication(counted);
        for (const regimen of p.regimens) {
          const own = byMed.get(regimen.medicationId) ?? [];
          const streaks = missedStreaks(own);
          if (!isMissedStreak(streaks, s) || streaks.currentStartKey === null) continue;
          const first = own.find((d) => d.doseKey === streaks.currentStartKey);
          pending.push({
            type: 'adherence.missed_streak',
            clinicId: clinic.id,
            patientId: p.patientId,
            payload: {
              medicationId: regimen.medicationId,
              medicationName: regimen.displayName,
              missedInARow: streaks.current,
              firstMissedDoseKey: streaks.currentStartKey,
              firstMissedDay: first?.localDate ?? p.today,
            },
            dedupeKey: `adherence-streak:${p.patientId}:${streaks.currentStartKey}`,
          });
        }
        for (const e of await perMedicationEvents(deps.database.db, clinic.id, p, byMed, names, s))
          pending.push({ ...e, clinicId: clinic.id, patientId: p.patientId });
      }
      await emitNew(deps, pending, slices);
    }
  }
}

async function emitNew(deps: AppDeps, events: Pending<EventType>[], slices: TimeSlices): Promise<void> {
  if (events.length === 0) return;
  const seen = await repo.existingDedupeKeys(
    deps.database.db,
    events.map((e) => e.dedupeKey),
  );
  const fresh = events.filter((e) => !seen.has(e.dedupeKey));
  for (let i = 0; i < fresh.length; i += 200) {
    const batch = fresh.slice(i, i + 200);
    await slices.maybeYield();
    // The commit's disk flush runs off the event loop (issue 19); this resolves once it is durable.
    await deps.database.durableTransaction(async (trx) => {
      for (const e of batch) await emitEvent(trx, deps.clock, e);
    });
  }
}

/**
 * Counted doses change when a patient's local day ends or a dose is logged, and these alerts are high or
 * routine, not urgent: the worker's minute-by-minute loop runs the check once an hour per app. (A whole
 * 5,000-patient clinic takes seconds of schedule expansion: see docs/benchmarks.md.)
 */
const EVERY_MS = 60 * 60_000;
const lastRun = new WeakMap<AppDeps, number>();

/** The registered check: `checkAdherence` at most once an hour per app (clock time; a clock moved back runs it). */
export async function scheduledAdherenceCheck(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  const last = lastRun.get(deps);
  if (last !== undefined && now >= last && now - last < EVERY_MS) return;
  lastRun.set(deps, now);
  await checkAdherence(deps);
}
