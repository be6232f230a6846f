import { addDays, localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import { loadRegimens } from '../medications/index.js';
import {
  changesFromPeriods,
  earlyTreatmentWatch,
  isAntidepressant,
  WATCH_UNDER_AGE,
  type EarlyTreatmentWatch,
} from '../../../shared/measures/early-treatment-watch.js';
import * as repo from './early-treatment-watch.repository.js';

/**
 * The early-treatment watch in force for each of these patients today (medication-safety.md section 5),
 * derived from their medication records and dose periods (read through the regimens repository) and their
 * birth date. Only patients young enough for a watch are read further; others are simply absent.
 */
export async function earlyTreatmentWatches(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  now: number,
): Promise<Map<string, EarlyTreatmentWatch>> {
  const out = new Map<string, EarlyTreatmentWatch>();
  if (patientIds.length === 0) return out;
  // Under 25 at a change made in the last 4 weeks: born less than 25 years and 5 weeks ago (a day's slack).
  const utcToday = localDate(now, 'UTC');
  const bornAfter = addDays(
    `${String(Number(utcToday.slice(0, 4)) - WATCH_UNDER_AGE)}${utcToday.slice(4)}`,
    -36,
  );
  const young = await repo.youngPatients(db, clinicId, [...new Set(patientIds)], bornAfter);
  if (young.length === 0) return out;
  const ids = young.map((p) => p.id);
  const [kinds, regimens] = await Promise.all([
    repo.medicationKinds(db, clinicId, ids),
    loadRegimens(db, clinicId, ids),
  ]);
  const antidepressant = new Set(
    kinds
      .filter((k) => isAntidepressant([k.name, k.generic_name, k.drug_class], k.drug_group))
      .map((k) => k.id),
  );
  for (const p of young) {
    const changes = (regimens.get(p.id) ?? [])
      .filter((r) => antidepressant.has(r.medicationId))
      .flatMap((r) => changesFromPeriods(r.medicationId, r.displayName, r.periods));
    const watch = earlyTreatmentWatch(p.birth_date, changes, localDate(now, p.time_zone));
    if (watch) out.set(p.id, watch);
  }
  return out;
}
