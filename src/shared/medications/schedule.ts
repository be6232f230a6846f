import { addDays, eachDay, instantOf, localDay, localTimeOf, weekdayOf } from './local-time.js';

/**
 * A patient's dose schedule, expanded into the doses due on local days in the patient's time zone.
 * Pure: the server (Today, reminders, adherence, bench) and the web use the same expansion.
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO, 1 = Monday

export type DoseSchedule =
  /** Local 'HH:MM' times; weekdays null = every day. */
  | { kind: 'times'; times: string[]; weekdays: Weekday[] | null }
  /** Real elapsed hours from firstTime on the period's first day (a dose every 8 h keeps 8 h apart across DST). */
  | { kind: 'every_n_hours'; everyHours: number; firstTime: string }
  /** No scheduled doses; the patient logs each one, at most maxPerDay a day. */
  | { kind: 'as_needed'; maxPerDay: number };

/** One step of the regimen: every start, change, titration/taper step or pause is a period. */
export interface DosePeriod {
  /** 'YYYY-MM-DD' local, first day of this period. */
  from: string;
  doseAmount: number;
  /** 'mg', 'mcg', 'mL', 'tablet', ... */
  doseUnit: string;
  schedule: DoseSchedule;
  /** No doses while paused. */
  paused: boolean;
}

export interface Regimen {
  /** Id of the patient's medication record (table `medications`). */
  medicationId: string;
  /** e.g. 'Sertraline'. */
  displayName: string;
  /** Local day. */
  startDate: string;
  /** Last local day inclusive (stopped / planned end); null = ongoing. */
  endDate: string | null;
  /** Sorted by `from`; first.from === startDate. */
  periods: DosePeriod[];
}

export interface ScheduledDose {
  medicationId: string;
  /** `${medicationId}:${localDate}:${localTime}` — stable across zone moves (local times stay the same). */
  doseKey: string;
  /** 'YYYY-MM-DD' in the patient's zone. */
  localDate: string;
  /** 'HH:MM' as scheduled. */
  localTime: string;
  dueAt: number;
  doseAmount: number;
  doseUnit: string;
}

export const doseKeyOf = (medicationId: string, localDate: string, localTime: string): string =>
  `${medicationId}:${localDate}:${localTime}`;

/** The period in effect on a local day, or null outside the regimen's dates. */
export function periodInEffect(regimen: Regimen, day: string): DosePeriod | null {
  if (day < regimen.startDate) return null;
  if (regimen.endDate !== null && day > regimen.endDate) return null;
  let found: DosePeriod | null = null;
  for (const p of regimen.periods) {
    if (p.from <= day) found = p;
    else break;
  }
  return found;
}

/** Periods that start after `day` (titration/taper steps shown to the patient in advance). */
export function upcomingPeriods(regimen: Regimen, day: string): DosePeriod[] {
  return regimen.periods.filter(
    (p) => p.from > day && (regimen.endDate === null || p.from <= regimen.endDate),
  );
}

const HOUR_MS = 3_600_000;

/**
 * Scheduled (not as-needed, not paused) doses on local days fromDay..toDay inclusive, sorted by dueAt.
 * DST: a local time that does not exist (spring forward) moves forward by the gap; an ambiguous one
 * (fall back) takes the first occurrence. The dose key keeps the scheduled local time either way.
 */
export function expandScheduledDoses(
  regimen: Regimen,
  fromDay: string,
  toDay: string,
  timeZone: string,
): ScheduledDose[] {
  const doses: ScheduledDose[] = [];
  const periods = [...regimen.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  periods.forEach((period, i) => {
    if (period.paused || period.schedule.kind === 'as_needed') return;
    const next = periods[i + 1];
    // This period's days, clipped to the regimen's dates and to the window asked for.
    let first = period.from;
    if (first < regimen.startDate) first = regimen.startDate;
    let last = next ? addDays(next.from, -1) : toDay;
    if (regimen.endDate !== null && regimen.endDate < last) last = regimen.endDate;
    const windowFirst = first > fromDay ? first : fromDay;
    const windowLast = last < toDay ? last : toDay;
    if (windowLast < windowFirst) return;

    const base = {
      medicationId: regimen.medicationId,
      doseAmount: period.doseAmount,
      doseUnit: period.doseUnit,
    };
    const schedule = period.schedule;
    if (schedule.kind === 'times') {
      const times = [...new Set(schedule.times)].sort();
      for (const day of eachDay(windowFirst, windowLast)) {
        if (schedule.weekdays !== null && !schedule.weekdays.includes(weekdayOf(day))) continue;
        for (const time of times) {
          // Written out rather than spread from `base`: the spread made expansion several times slower,
          // and the registry and adherence expand thousands of doses per request.
          doses.push({
            medicationId: base.medicationId,
            doseKey: doseKeyOf(regimen.medicationId, day, time),
            localDate: day,
            localTime: time,
            dueAt: instantOf(day, time, timeZone),
            doseAmount: base.doseAmount,
            doseUnit: base.doseUnit,
          });
        }
      }
      return;
    }
    // every_n_hours: real elapsed time from the first dose of the period.
    const step = Math.max(1, schedule.everyHours) * HOUR_MS;
    const anchor = instantOf(period.from, schedule.firstTime, timeZone);
    // Start a little before the window (a day's slack covers any offset) and walk forward.
    const windowStart = instantOf(windowFirst, '00:00', timeZone) - 2 * HOUR_MS * 24;
    let k = Math.max(0, Math.floor((windowStart - anchor) / step));
    for (;;) {
      const dueAt = anchor + k * step;
      k += 1;
      const day = localDay(dueAt, timeZone);
      if (day > windowLast) break;
      if (day < windowFirst) continue;
      const time = localTimeOf(dueAt, timeZone);
      doses.push({
        medicationId: base.medicationId,
        doseKey: doseKeyOf(regimen.medicationId, day, time),
        localDate: day,
        localTime: time,
        dueAt,
        doseAmount: base.doseAmount,
        doseUnit: base.doseUnit,
      });
    }
  });
  return doses.sort((a, b) => a.dueAt - b.dueAt || a.doseKey.localeCompare(b.doseKey));
}

/** Human summary of a schedule, e.g. '08:00 and 20:00 every day', 'every 8 hours from 06:00'. */
export function describeSchedule(schedule: DoseSchedule): string {
  if (schedule.kind === 'as_needed') return `as needed, at most ${String(schedule.maxPerDay)} a day`;
  if (schedule.kind === 'every_n_hours')
    return `every ${String(schedule.everyHours)} hours from ${schedule.firstTime}`;
  const names = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const times = [...schedule.times].sort();
  const timeText =
    times.length <= 1
      ? (times[0] ?? '')
      : `${times.slice(0, -1).join(', ')} and ${times[times.length - 1] ?? ''}`;
  const days =
    schedule.weekdays === null || schedule.weekdays.length === 7
      ? 'every day'
      : `on ${[...schedule.weekdays]
          .sort()
          .map((d) => names[d] ?? '')
          .join(', ')}`;
  return `${timeText} ${days}`;
}
