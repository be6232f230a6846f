import { addDays, localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { clinicIds } from '../measures/index.js';
import { loadRegimens } from '../medications/index.js';
import { expandScheduledDoses } from '../../../shared/medications/schedule.js';
import { isLowSupply } from '../../../shared/doses/refill.js';
import * as doses from './doses.repository.js';
import * as supplies from './supplies.repository.js';
import { patientsWantingEmail } from './reminder-settings.repository.js';
import { toForecast } from './supplies.forecast.js';
import { timeSlices } from '../../platform/single-flight.js';

/** A dose reminder goes at dose time; after a pause of the app (restart, downtime) older doses are not mailed. */
export const DOSE_REMINDER_WINDOW_MS = 30 * 60_000;

/**
 * Email dose reminders for patients who chose them: one email at dose time per dose not yet logged. The
 * email names nothing ("You have a reminder in Duet"). Each dose's reminder is recorded
 * (dose_reminders_sent, primary key patient + dose key) in the transaction that writes the email's outbox
 * row, and the email goes only when that record is new: reruns and a second instance never send twice.
 */
export async function checkDoseReminders(deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms (many patients share a dose time).
  const slices = timeSlices();
  for (const clinicId of await clinicIds(db)) {
    const patients = await patientsWantingEmail(db, clinicId);
    if (patients.length === 0) continue;
    const regimens = await loadRegimens(
      db,
      clinicId,
      patients.map((p) => p.id),
    );
    let earliest: string | null = null;
    const wanted = new Map<string, string[]>();
    for (const p of patients) {
      await slices.maybeYield();
      const today = localDate(now, p.time_zone);
      const yesterday = addDays(today, -1);
      const due = (regimens.get(p.id) ?? [])
        .flatMap((r) => expandScheduledDoses(r, yesterday, today, p.time_zone))
        .filter((d) => d.dueAt <= now && d.dueAt > now - DOSE_REMINDER_WINDOW_MS)
        .map((d) => d.doseKey);
      if (due.length === 0) continue;
      wanted.set(p.id, due);
      if (earliest === null || yesterday < earliest) earliest = yesterday;
    }
    if (earliest === null) continue;
    const logged = await doses.loggedDoseKeys(db, clinicId, [...wanted.keys()], earliest);
    for (const p of patients) {
      const keys = (wanted.get(p.id) ?? []).filter((k) => !logged.has(k));
      if (keys.length === 0) continue;
      await slices.maybeYield();
      // The commit's disk flush runs off the event loop; the next patient waits until it is durable.
      await deps.database.durableTransaction(async (trx) => {
        let fresh = false;
        for (const key of keys) {
          const inserted = await doses.recordDoseReminder(trx, {
            clinic_id: clinicId,
            patient_id: p.id,
            dose_key: key,
            sent_at: now,
          });
          fresh = fresh || inserted;
        }
        if (fresh) await notifyByEmail(trx, deps, clinicId, [p.user_id], 'dose');
      });
    }
  }
}

/**
 * Refill reminders: when a supply will run out within 7 days, the patient gets one email (no drug name)
 * and Today shows it in the app. Once per supply: the supply row is marked in the same transaction as the
 * email, with an update that only one run can win.
 */
export async function checkRefillReminders(deps: AppDeps): Promise<void> {
  // Issue 19: a turn for the event loop whenever a slice has run 8 ms; each commit flushed off the loop.
  const slices = timeSlices();
  const db = deps.database.db;
  const now = deps.clock.now();
  for (const clinicId of await clinicIds(db)) {
    const patientIds = await supplies.patientsWithUnremindedSupply(db, clinicId);
    if (patientIds.length === 0) continue;
    const regimens = await loadRegimens(db, clinicId, patientIds);
    const latest = await supplies.latestSupplies(db, clinicId, patientIds);
    const patients = await doses.patientsWithAccount(db, clinicId, patientIds);
    const byId = new Map(patients.map((p) => [p.id, p]));
    for (const supply of latest) {
      if (supply.reminded_at !== null) continue;
      const patient = byId.get(supply.patient_id);
      const regimen = regimens.get(supply.patient_id)?.find((r) => r.medicationId === supply.medication_id);
      if (!patient || !regimen) continue;
      const forecast = toForecast(supply, regimen, localDate(now, patient.time_zone), patient.time_zone);
      if (!isLowSupply(forecast)) continue;
      await slices.maybeYield();
      await deps.database.durableTransaction(async (trx) => {
        if (!(await supplies.markReminded(trx, clinicId, supply.id, now))) return;
        if (patient.status === 'active')
          await notifyByEmail(trx, deps, clinicId, [patient.user_id], 'refill');
      });
    }
  }
}
