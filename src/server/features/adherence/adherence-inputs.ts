import { addDays, localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import { loadRegimens } from '../medications/index.js';
import {
  expandScheduledDoses,
  type Regimen,
  type ScheduledDose,
} from '../../../shared/medications/schedule.js';
import type { AdherenceLog } from '../../../shared/adherence/adherence.js';
import * as repo from './adherence.repository.js';

/** What adherence needs for one patient: their local today, regimens, scheduled doses and logs. */
export interface PatientDoses {
  patientId: string;
  timeZone: string;
  today: string;
  regimens: Regimen[];
  /** Scheduled doses on the last `days` local days (today included). */
  scheduled: ScheduledDose[];
  logs: AdherenceLog[];
}

/**
 * Batched for many patients: one zone query, helper A's two regimen queries and one log query per 500
 * patients, then the schedule is expanded in memory. Patients unknown in this clinic are left out.
 */
export async function loadPatientDoses(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  now: number,
  days: number,
  /** The patients' zones when the caller has read them in this clinic already (saves a query). */
  knownZones?: ReadonlyMap<string, string>,
): Promise<PatientDoses[]> {
  const unique = [...new Set(patientIds)];
  if (unique.length === 0) return [];
  const zones = knownZones
    ? unique.flatMap((id) => {
        const zone = knownZones.get(id);
        return zone === undefined ? [] : [{ id, time_zone: zone }];
      })
    : await repo.patientZones(db, clinicId, unique);
  const regimens = await loadRegimens(db, clinicId, unique);
  const withMeds = zones.filter((z) => (regimens.get(z.id) ?? []).length > 0);
  // Most of a caseload shares a few zones: one local-day conversion per zone, not per patient.
  const todayIn = new Map<string, string>();
  const todayOf = (zone: string): string => {
    let day = todayIn.get(zone);
    if (day === undefined) todayIn.set(zone, (day = localDate(now, zone)));
    return day;
  };
  const todays = new Map(withMeds.map((z) => [z.id, todayOf(z.time_zone)]));
  // One lower bound for the batch: the earliest first day of any patient's window (zones differ by < 1 day).
  const earliest = [...todays.values()].reduce((a, b) => (a < b ? a : b), localDate(now, 'UTC'));
  const logs =
    withMeds.length === 0
      ? []
      : await repo.scheduledLogs(
          db,
          clinicId,
          withMeds.map((z) => z.id),
          addDays(earliest, -days),
        );
  const logsOf = new Map<string, AdherenceLog[]>();
  for (const l of logs) {
    const list = logsOf.get(l.patient_id) ?? [];
    list.push({ doseKey: l.dose_key, status: l.status === 'taken' ? 'taken' : 'skipped' });
    logsOf.set(l.patient_id, list);
  }
  return zones.map((z) => {
    const own = regimens.get(z.id) ?? [];
    const today = todays.get(z.id) ?? todayOf(z.time_zone);
    const from = addDays(today, -(days - 1));
    return {
      patientId: z.id,
      timeZone: z.time_zone,
      today,
      regimens: own,
      scheduled: own.flatMap((r) => expandCached(r, from, today, z.time_zone)),
      logs: logsOf.get(z.id) ?? [],
    };
  });
}

/**
 * Schedule expansion dominates an adherence read (a local-time conversion per dose: ~180 doses for 90 days
 * of two daily medications), and the answer only changes when the regimen or the day does. So the last
 * expansions are kept, keyed by everything they depend on (the regimen's dates and periods, the window and
 * the zone): a changed dose or a new day is a new key, never a stale answer.
 */
const CACHE_SIZE = 2000;
const expansions = new Map<string, ScheduledDose[]>();

function expandCached(regimen: Regimen, from: string, to: string, timeZone: string): ScheduledDose[] {
  const key = JSON.stringify([regimen, from, to, timeZone]);
  const hit = expansions.get(key);
  if (hit) {
    expansions.delete(key);
    expansions.set(key, hit); // most recently used last
    return hit;
  }
  const doses = expandScheduledDoses(regimen, from, to, timeZone);
  expansions.set(key, doses);
  if (expansions.size > CACHE_SIZE) {
    const oldest = expansions.keys().next();
    if (!oldest.done) expansions.delete(oldest.value);
  }
  return doses;
}
