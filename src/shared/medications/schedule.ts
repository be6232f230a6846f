import { addDays, eachDay, instantAt, occurrencesAt, wallOf, wallParts, weekdayOf } from '../time/index.js';

/**
 * A patient's dose schedule, expanded into the doses due on local days in the patient's time zone.
 * Pure: the server (Today, reminders, adherence, bench) and the web use the same expansion.
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO, 1 = Monday

export type DoseSchedule =
  /** Local 'HH:MM' times; weekdays null = every day. */
  | { kind: 'times'; times: string[]; weekdays: Weekday[] | null }
  /**
   * Every N hours on the patient's wall clock from firstTime on the period's first day: every 12 h from
   * 08:00 stays 08:00/20:00 all year, summer and winter (issue 11). See expandScheduledDoses for DST days.
   */
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
  /**
   * `${medicationId}:${localDate}:${localTime}` — stable across zone moves (local times stay the same).
   * The second dose at a repeated wall time (the hour repeated when the clocks go back) adds `~2`.
   */
  doseKey: string;
  /** 'YYYY-MM-DD' in the patient's zone. */
  localDate: string;
  /** 'HH:MM' as scheduled. */
  localTime: string;
  dueAt: number;
  doseAmount: number;
  doseUnit: string;
  /** 2 for the second dose at a wall time the clock shows twice (autumn DST); 1 otherwise. */
  occurrence?: 1 | 2;
}

/** The suffix of the second dose at a repeated wall time. */
export const REPEATED_HOUR_SUFFIX = '~2';

export const doseKeyOf = (
  medicationId: string,
  localDate: string,
  localTime: string,
  occurrence: 1 | 2 = 1,
): string => `${medicationId}:${localDate}:${localTime}${occurrence === 2 ? REPEATED_HOUR_SUFFIX : ''}`;

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
 * Every dose follows the patient's wall clock (issue 11). DST: a local time that does not exist (spring
 * forward) moves forward by the gap; an ambiguous one (fall back) takes the first occurrence. Every N hours
 * also: a time in the gap is left out when moving it would reach the next dose, and the repeated hour gets a
 * second dose (key suffix `~2`) when the interval fits in it. The key keeps the scheduled local time.
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
            dueAt: instantAt(day, time, timeZone),
            doseAmount: base.doseAmount,
            doseUnit: base.doseUnit,
          });
        }
      }
      return;
    }
    // every_n_hours: steps of N hours on the wall clock from firstTime on the period's first day.
    const step = Math.max(1, schedule.everyHours) * HOUR_MS;
    const anchor = wallOf(period.from, schedule.firstTime);
    const firstWall = wallOf(windowFirst, '00:00');
    const lastWall = wallOf(addDays(windowLast, 1), '00:00');
    for (let k = Math.max(0, Math.ceil((firstWall - anchor) / step)); ; k += 1) {
      const wall = anchor + k * step;
      if (wall >= lastWall) break;
      const { day, time } = wallParts(wall);
      const push = (dueAt: number, occurrence: 1 | 2) => {
        const dose: ScheduledDose = {
          medicationId: base.medicationId,
          doseKey: doseKeyOf(regimen.medicationId, day, time, occurrence),
          localDate: day,
          localTime: time,
          dueAt,
          doseAmount: base.doseAmount,
          doseUnit: base.doseUnit,
        };
        if (occurrence === 2) dose.occurrence = 2;
        doses.push(dose);
      };
      const at = occurrencesAt(day, time, timeZone);
      const first = at[0];
      if (first === undefined) {
        // Spring gap: the time is moved forward by the gap, unless that reaches the next dose (an hourly
        // dose on a 23-hour day makes 23 doses, not two at 03:00).
        const moved = instantAt(day, time, timeZone);
        const next = wallParts(wall + step);
        if (instantAt(next.day, next.time, timeZone) > moved) push(moved, 1);
        continue;
      }
      push(first, 1);
      // Autumn: the repeated hour repeats the dose only when the interval fits in it (an hourly dose on a
      // 25-hour day makes 25 doses; every 12 h still makes two).
      const second = at[1];
      if (second !== undefined && second - first >= step) push(second, 2);
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
