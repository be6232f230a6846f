// Per-medication adherence by week and missed-dose stretches for the timeline (issue 14). Pure.
import { rateOf, type CountedDose } from '../adherence/adherence.js';
import { addDays, weekdayOf } from '../time/index.js';

/**
 * A missed-dose stretch is 2 or more scheduled doses in a row not taken (product policy: one missed dose
 * is a week's dip, already in the week's rate; two in a row is a gap worth a mark on the timeline).
 */
export const MISSED_STRETCH_MIN_DOSES = 2;

export interface WeekRate {
  weekStart: string;
  taken: number;
  scheduled: number;
  percent: number | null;
}

/** Monday (ISO week start) of a local day. */
export function weekStartOf(day: string): string {
  return addDays(day, -(weekdayOf(day) - 1));
}

/** Taken / scheduled per ISO week of one medication's counted doses (weeks with no dose left out). */
export function weeklyRates(doses: readonly CountedDose[]): WeekRate[] {
  const weeks = new Map<string, { taken: number; scheduled: number }>();
  for (const d of doses) {
    const key = weekStartOf(d.localDate);
    const w = weeks.get(key) ?? { taken: 0, scheduled: 0 };
    w.scheduled += 1;
    if (d.taken) w.taken += 1;
    weeks.set(key, w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, w]) => ({ weekStart, ...rateOf(w.taken, w.scheduled) }));
}

export interface MissedStretch {
  from: string;
  to: string;
  doses: number;
}

/** Runs of at least MISSED_STRETCH_MIN_DOSES untaken doses in a row, in due order. */
export function missedStretches(doses: readonly CountedDose[]): MissedStretch[] {
  const sorted = [...doses].sort((a, b) => a.dueAt - b.dueAt);
  const out: MissedStretch[] = [];
  let run: CountedDose[] = [];
  const close = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last && run.length >= MISSED_STRETCH_MIN_DOSES)
      out.push({ from: first.localDate, to: last.localDate, doses: run.length });
    run = [];
  };
  for (const d of sorted) {
    if (d.taken) close();
    else run.push(d);
  }
  close();
  return out;
}
