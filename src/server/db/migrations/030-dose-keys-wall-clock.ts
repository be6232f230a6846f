import { addDays } from '../../../shared/time/index.js';
import type { Kysely } from 'kysely';
import type { MedicationPeriodTable, MedicationTable } from '../schema-medications.js';
import type { DoseLogTable } from '../schema-doses.js';
import type { PatientTable } from '../schema.js';
import { toPeriods } from '../../../shared/medications/dose-periods.js';
import { expandScheduledDoses, type Regimen } from '../../../shared/medications/schedule.js';

type Tables = {
  medications: MedicationTable;
  medication_periods: MedicationPeriodTable;
  patients: PatientTable;
  dose_logs: DoseLogTable;
};

const HOUR_MS = 3_600_000;
const CHUNK = 200;

/**
 * Every-N-hours doses now follow the wall clock (issue 11) instead of real hours from the first dose, so a
 * dose every 12 h from 08:00 started in January is 08:00/20:00 in summer, where it used to be keyed
 * 09:00/21:00. Logs made under the old keys are moved to the dose they were about: the new dose of the same
 * medication closest in time (less than half an interval and under 2 hours away, the DST shift), when no
 * other log holds that dose. Ordinary days and fixed-time doses keep their keys, so nothing else changes.
 */
export async function up(raw: Kysely<unknown>): Promise<void> {
  const db = raw as Kysely<Tables>;
  const interval = await db
    .selectFrom('medication_periods')
    .select('medication_id')
    .distinct()
    .where('schedule', 'like', '%every_n_hours%')
    .execute();
  const ids = interval.map((r) => r.medication_id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const meds = await db
      .selectFrom('medications as m')
      .innerJoin('patients as p', 'p.id', 'm.patient_id')
      .select(['m.id', 'm.name', 'm.start_date', 'm.end_date', 'p.time_zone'])
      .where('m.id', 'in', chunk)
      .execute();
    const periods = await db
      .selectFrom('medication_periods')
      .selectAll()
      .where('medication_id', 'in', chunk)
      .execute();
    const logs = await db
      .selectFrom('dose_logs')
      .select(['id', 'medication_id', 'dose_key', 'scheduled_for', 'local_date'])
      .where('medication_id', 'in', chunk)
      .where('dose_key', 'is not', null)
      .execute();
    for (const m of meds) {
      const own = logs.filter((l) => l.medication_id === m.id);
      if (own.length === 0) continue;
      const regimen: Regimen = {
        medicationId: m.id,
        displayName: m.name,
        startDate: m.start_date,
        endDate: m.end_date,
        periods: toPeriods(periods.filter((p) => p.medication_id === m.id)),
      };
      const days = own.map((l) => l.local_date).sort();
      const first = days[0];
      const last = days[days.length - 1];
      if (first === undefined || last === undefined) continue;
      const doses = expandScheduledDoses(regimen, addDays(first, -1), addDays(last, 1), m.time_zone);
      const valid = new Set(doses.map((d) => d.doseKey));
      const held = new Set(own.map((l) => l.dose_key));
      for (const l of own) {
        if (l.dose_key === null || valid.has(l.dose_key) || l.scheduled_for === null) continue;
        const at = l.scheduled_for;
        let best: (typeof doses)[number] | null = null;
        for (const d of doses) {
          if (held.has(d.doseKey)) continue;
          if (best === null || Math.abs(d.dueAt - at) < Math.abs(best.dueAt - at)) best = d;
        }
        if (best === null) continue;
        const period = regimen.periods.filter((p) => p.from <= best.localDate).pop();
        const step =
          period?.schedule.kind === 'every_n_hours' ? Math.max(1, period.schedule.everyHours) * HOUR_MS : 0;
        const distance = Math.abs(best.dueAt - at);
        if (distance >= 2 * HOUR_MS || distance * 2 >= step) continue;
        await db
          .updateTable('dose_logs')
          .set({ dose_key: best.doseKey, local_date: best.localDate, scheduled_for: best.dueAt })
          .where('id', '=', l.id)
          .execute();
        held.delete(l.dose_key);
        held.add(best.doseKey);
      }
    }
  }
}
