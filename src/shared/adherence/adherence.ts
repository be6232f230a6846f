import { addDays, weekdayOf } from '../time/index.js';
/**
 * Adherence from the patient's own dose log (issue 4; care-rules.md, "Adherence"): doses taken / doses
 * scheduled over 7, 30 and 90 days, per medication and overall, missed-dose streaks, and the pattern by
 * weekday and time of day.
 *
 * What the figure is: doses logged as taken / doses scheduled, self-reported by the patient. It is NOT the
 * proportion of days covered (PDC, PQA / CMS Part D), which counts days covered by pharmacy fills; the 80%
 * alert line is borrowed from that convention as a product default (care-rules.md "Adherence"). The Morisky
 * scales (MMAS-4/MMAS-8) are NOT used: they are commercially licensed and litigated (care-rules.md).
 *
 * Grace ("when does a dose count?"): a scheduled dose counts once its local day has ended in the patient's
 * time zone, or as soon as the patient logs it (taken or skipped). So at 10:00 today's 21:00 dose is not yet
 * missed, while this morning's dose counts as soon as it is logged. A dose with no log after its day ended
 * is missed; a logged "skipped" dose is missed too (adherence counts doses taken, whatever the reason).
 * Late entries (logged after the 48-hour correction window) still count as taken: the patient says so.
 * As-needed doses are never scheduled and do not enter adherence.
 */

/** The part of a scheduled dose (shared/medications/schedule.ts `ScheduledDose`) adherence needs. */
export interface AdherenceDose {
  medicationId: string;
  doseKey: string;
  /** 'YYYY-MM-DD' in the patient's zone. */
  localDate: string;
  /** 'HH:MM' in the patient's zone. */
  localTime: string;
  dueAt: number;
}

/** The part of a dose log adherence needs (scheduled doses only: as-needed logs have no dose key). */
export interface AdherenceLog {
  doseKey: string;
  status: 'taken' | 'skipped';
}

export interface Rate {
  taken: number;
  scheduled: number;
  /** taken / scheduled as a whole percent (rounded down, so 79.9% never shows as 80%); null with nothing scheduled. */
  percent: number | null;
}

/** The windows the team sees (issue 4). */
export const ADHERENCE_WINDOWS = [7, 30, 90] as const;

export function rateOf(taken: number, scheduled: number): Rate {
  return { taken, scheduled, percent: scheduled === 0 ? null : Math.floor((taken * 100) / scheduled) };
}

/** The counted doses (see grace above) with whether each was taken, sorted by due time. */
export interface CountedDose extends AdherenceDose {
  taken: boolean;
}

/**
 * Scheduled doses that count on `today` (the patient's local day now): their day has ended, or they are
 * logged. Doses after today never count.
 */
export function countedDoses(
  scheduled: readonly AdherenceDose[],
  logs: readonly AdherenceLog[],
  today: string,
): CountedDose[] {
  const status = new Map(logs.map((l) => [l.doseKey, l.status]));
  const out: CountedDose[] = [];
  for (const d of scheduled) {
    if (d.localDate > today) continue;
    const s = status.get(d.doseKey);
    if (d.localDate === today && s === undefined) continue; // today's dose still open: not missed yet
    out.push({ ...d, taken: s === 'taken' });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.doseKey.localeCompare(b.doseKey));
}

/** Doses taken / scheduled over the last `windowDays` local days, today included. */
export function rateInWindow(doses: readonly CountedDose[], today: string, windowDays: number): Rate {
  const from = addDays(today, -(windowDays - 1));
  let taken = 0;
  let scheduled = 0;
  for (const d of doses) {
    if (d.localDate < from || d.localDate > today) continue;
    scheduled += 1;
    if (d.taken) taken += 1;
  }
  return rateOf(taken, scheduled);
}

/**
 * The same figure as rateInWindow(countedDoses(scheduled, logs, today), today, windowDays), in one pass
 * without building the counted doses: lists such as the registry need only the rate, for many patients.
 */
export function windowRate(
  scheduled: readonly AdherenceDose[],
  logs: readonly AdherenceLog[],
  today: string,
  windowDays: number,
): Rate {
  const from = addDays(today, -(windowDays - 1));
  const status = new Map<string, AdherenceLog['status']>();
  for (const l of logs) status.set(l.doseKey, l.status);
  let taken = 0;
  let counted = 0;
  for (const d of scheduled) {
    if (d.localDate < from || d.localDate > today) continue;
    const s = status.get(d.doseKey);
    if (d.localDate === today && s === undefined) continue; // today's dose still open: not missed yet
    counted += 1;
    if (s === 'taken') taken += 1;
  }
  return rateOf(taken, counted);
}

export interface Streaks {
  /** Consecutive missed doses up to the latest counted dose (0 when the latest was taken). */
  current: number;
  longest: number;
  /** Dose key of the first dose of the current streak (null when current is 0): names one streak for alerts. */
  currentStartKey: string | null;
}

/** Missed-dose streaks over one medication's counted doses (in due order). */
export function missedStreaks(doses: readonly CountedDose[]): Streaks {
  let run = 0;
  let longest = 0;
  let startKey: string | null = null;
  for (const d of doses) {
    if (d.taken) {
      run = 0;
      startKey = null;
    } else {
      if (run === 0) startKey = d.doseKey;
      run += 1;
      longest = Math.max(longest, run);
    }
  }
  return { current: run, longest, currentStartKey: run > 0 ? startKey : null };
}

export const timesOfDay = ['morning', 'afternoon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];

/** Morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-20:59, night 21:00-04:59 (product's own split). */
export function timeOfDay(localTime: string): TimeOfDay {
  const hour = Number(localTime.slice(0, 2));
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}

export interface PatternCell extends Rate {
  weekday: number;
  timeOfDay: TimeOfDay;
}

export interface Pattern {
  /** Index 0 = Monday … 6 = Sunday. */
  byWeekday: Rate[];
  byTimeOfDay: Record<TimeOfDay, Rate>;
  /** Weekday × time of day, only the cells that had scheduled doses. */
  cells: PatternCell[];
}

/** When doses are missed: by weekday and by time of day, over the given counted doses. */
export function missedPattern(doses: readonly CountedDose[]): Pattern {
  const week = Array.from({ length: 7 }, () => ({ taken: 0, scheduled: 0 }));
  const tod = Object.fromEntries(timesOfDay.map((t) => [t, { taken: 0, scheduled: 0 }])) as Record<
    TimeOfDay,
    { taken: number; scheduled: number }
  >;
  const cells = new Map<
    string,
    { weekday: number; timeOfDay: TimeOfDay; taken: number; scheduled: number }
  >();
  for (const d of doses) {
    const wd = weekdayOf(d.localDate);
    const t = timeOfDay(d.localTime);
    const add = (c: { taken: number; scheduled: number }) => {
      c.scheduled += 1;
      if (d.taken) c.taken += 1;
    };
    add(week[wd - 1] as { taken: number; scheduled: number });
    add(tod[t]);
    const key = `${String(wd)}:${t}`;
    const cell = cells.get(key) ?? { weekday: wd, timeOfDay: t, taken: 0, scheduled: 0 };
    cells.set(key, cell);
    add(cell);
  }
  return {
    byWeekday: week.map((c) => rateOf(c.taken, c.scheduled)),
    byTimeOfDay: Object.fromEntries(
      timesOfDay.map((t) => [t, rateOf(tod[t].taken, tod[t].scheduled)]),
    ) as Record<TimeOfDay, Rate>,
    cells: [...cells.values()]
      .sort(
        (a, b) => a.weekday - b.weekday || timesOfDay.indexOf(a.timeOfDay) - timesOfDay.indexOf(b.timeOfDay),
      )
      .map((c) => ({ weekday: c.weekday, timeOfDay: c.timeOfDay, ...rateOf(c.taken, c.scheduled) })),
  };
}

export interface MedicationAdherence {
  medicationId: string;
  /** Keyed by window length in days: 7, 30, 90. */
  windows: Record<number, Rate>;
  streaks: Streaks;
}

export interface AdherenceSummary {
  today: string;
  overall: Record<number, Rate>;
  medications: MedicationAdherence[];
  /** Over the longest window. */
  pattern: Pattern;
}

/**
 * The whole summary for one patient. `scheduled` should cover at least the longest window (A's
 * `expandScheduledDoses` from today - 89 to today); streaks only see the doses passed in.
 */
export function computeAdherence(
  scheduled: readonly AdherenceDose[],
  logs: readonly AdherenceLog[],
  today: string,
  windows: readonly number[] = ADHERENCE_WINDOWS,
): AdherenceSummary {
  const counted = countedDoses(scheduled, logs, today);
  const byMed = new Map<string, CountedDose[]>();
  for (const d of counted) {
    const list = byMed.get(d.medicationId);
    if (list) list.push(d);
    else byMed.set(d.medicationId, [d]);
  }
  const scheduledMeds = [...new Set(scheduled.map((d) => d.medicationId))];
  const longest = Math.max(...windows);
  const windowRates = (doses: readonly CountedDose[]) =>
    Object.fromEntries(windows.map((w) => [w, rateInWindow(doses, today, w)]));
  return {
    today,
    overall: windowRates(counted),
    medications: scheduledMeds.map((medicationId) => {
      const own = byMed.get(medicationId) ?? [];
      return { medicationId, windows: windowRates(own), streaks: missedStreaks(own) };
    }),
    pattern: missedPattern(counted.filter((d) => d.localDate >= addDays(today, -(longest - 1)))),
  };
}
