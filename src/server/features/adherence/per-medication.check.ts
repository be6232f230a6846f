import type { Db } from '../../db/database.js';
import type { CountedDose } from '../../../shared/adherence/adherence.js';
import { lowAdherenceBlock } from '../../../shared/adherence/alerting.js';
import type { AdherenceSettings } from '../../../shared/adherence/settings.js';
import {
  gapCriticalKind,
  isCriticalGap,
  medicationWindowRate,
  untakenRun,
} from '../../../shared/adherence/per-medication.js';
import type { EventPayload } from '../../../shared/alerts/events.js';
import type { PatientDoses } from './adherence-inputs.js';
import * as repo from './adherence.repository.js';

export type PerMedicationEvent =
  | { type: 'adherence.medication_low'; payload: EventPayload<'adherence.medication_low'>; dedupeKey: string }
  | { type: 'adherence.critical_gap'; payload: EventPayload<'adherence.critical_gap'>; dedupeKey: string };

/**
 * Issue 11, each regular medication judged on its own (shared/adherence/per-medication.ts):
 * - below the threshold over the window, when the patient has two or more regular medications counted in
 *   it (with one, the pooled `adherence.low` is the same figure); once per medication per window block;
 * - lithium, clozapine or an anticonvulsant mood stabiliser not taken on the clinic's number of days in a
 *   row (default 3); once per run, named by the run's true first day (the day after the last dose taken,
 *   read from the whole log, so a run longer than the days looked at keeps one name).
 */
export async function perMedicationEvents(
  db: Db,
  clinicId: string,
  p: PatientDoses,
  byMed: ReadonlyMap<string, CountedDose[]>,
  names: ReadonlyMap<string, string[]>,
  s: AdherenceSettings,
): Promise<PerMedicationEvent[]> {
  const out: PerMedicationEvent[] = [];
  const block = lowAdherenceBlock(p.today, s.adherenceWindowDays);
  const rates = new Map(
    p.regimens.map((r) => [
      r.medicationId,
      medicationWindowRate(byMed.get(r.medicationId) ?? [], p.today, s),
    ]),
  );
  const countedInWindow = [...rates.values()].filter((r) => r.rate.scheduled > 0).length;
  for (const regimen of p.regimens) {
    const own = byMed.get(regimen.medicationId) ?? [];
    if (own.length === 0) continue; // as needed, paused or not started: no scheduled doses
    const medication = { medicationId: regimen.medicationId, medicationName: regimen.displayName };
    const window = rates.get(regimen.medicationId);
    if (window?.low === true && countedInWindow > 1)
      out.push({
        type: 'adherence.medication_low',
        payload: {
          ...medication,
          windowDays: s.adherenceWindowDays,
          taken: window.rate.taken,
          scheduled: window.rate.scheduled,
          thresholdPercent: s.adherenceThresholdPercent,
        },
        dedupeKey: `adherence-med-low:${regimen.medicationId}:${String(s.adherenceWindowDays)}:${block}`,
      });
    const kind = gapCriticalKind(names.get(regimen.medicationId) ?? [regimen.displayName]);
    if (kind === null) continue;
    const seen = untakenRun(own, p.today);
    if (!isCriticalGap(seen, s)) continue;
    const run =
      untakenRun(own, p.today, {
        lastTakenDay: await repo.lastTakenDay(db, clinicId, regimen.medicationId),
        startDate: regimen.startDate,
      }) ?? seen;
    out.push({
      type: 'adherence.critical_gap',
      payload: { ...medication, kind, days: run.days, firstDay: run.firstDay },
      dedupeKey: `adherence-gap:${regimen.medicationId}:${run.firstDay}`,
    });
  }
  return out;
}
