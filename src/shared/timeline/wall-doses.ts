// The scheduled doses the timeline counts, on the patient's wall clock (issue 14, timeline speed). Pure.
//
// Weekly adherence and missed stretches need each dose's key (to match the patient's log), its local day and
// its order, never the instant it fell due. The shared expansion (shared/medications/schedule.ts) turns each
// of two years' ~2,000 doses into an instant through the zone's rules, the costliest part of a first
// timeline read; here a fixed-times dose is placed on the wall clock (`wallOf`, plain arithmetic) with the
// very key and day that expansion gives it (checked by wall-doses.test.ts). Every-N-hours periods, whose
// doses depend on the zone's changes (a dose left out in the spring gap, a second one in the repeated hour),
// still go through the shared expansion and are then placed on the wall clock the same way.
import type { AdherenceDose } from '../adherence/adherence.js';
import { doseKeyOf, expandScheduledDoses, type DosePeriod, type Regimen } from '../medications/schedule.js';
import { addDays, eachDay, wallOf, weekdayOf } from '../time/index.js';

/**
 * Doses of `regimen` due on local days fromDay..toDay inclusive, in wall-clock order; `dueAt` is the wall
 * clock as a number (`wallOf`: the local day and time read as if UTC), never an instant.
 */
export function wallClockDoses(
  regimen: Regimen,
  fromDay: string,
  toDay: string,
  timeZone: string,
): AdherenceDose[] {
  const doses: AdherenceDose[] = [];
  const periods = [...regimen.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  periods.forEach((period, i) => {
    if (period.paused || period.schedule.kind === 'as_needed') return;
    const next = periods[i + 1];
    let first = period.from;
    if (first < regimen.startDate) first = regimen.startDate;
    let last = next ? addDays(next.from, -1) : toDay;
    if (regimen.endDate !== null && regimen.endDate < last) last = regimen.endDate;
    const windowFirst = first > fromDay ? first : fromDay;
    const windowLast = last < toDay ? last : toDay;
    if (windowLast < windowFirst) return;
    const schedule = period.schedule;
    if (schedule.kind === 'times') {
      const times = [...new Set(schedule.times)].sort();
      for (const day of eachDay(windowFirst, windowLast)) {
        if (schedule.weekdays !== null && !schedule.weekdays.includes(weekdayOf(day))) continue;
        for (const time of times)
          doses.push({
            medicationId: regimen.medicationId,
            doseKey: doseKeyOf(regimen.medicationId, day, time),
            localDate: day,
            localTime: time,
            dueAt: wallOf(day, time),
          });
      }
      return;
    }
    for (const d of everyNHours(regimen, period, windowFirst, windowLast, timeZone))
      doses.push({
        medicationId: d.medicationId,
        doseKey: d.doseKey,
        localDate: d.localDate,
        localTime: d.localTime,
        // The repeated hour's second dose comes just after the first on the wall clock.
        dueAt: wallOf(d.localDate, d.localTime) + (d.occurrence === 2 ? 1 : 0),
      });
  });
  return doses.sort((a, b) => a.dueAt - b.dueAt || (a.doseKey < b.doseKey ? -1 : 1));
}

/** One every-N-hours period's doses in the window, through the shared expansion (its DST rules). */
function everyNHours(regimen: Regimen, period: DosePeriod, from: string, to: string, zone: string) {
  return expandScheduledDoses({ ...regimen, periods: [period], endDate: to }, from, to, zone);
}
