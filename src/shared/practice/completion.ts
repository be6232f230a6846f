import { addDays, daysBetween } from '../time/index.js';

/** How often the therapist asks for the practice. */
export type Frequency = { kind: 'daily' } | { kind: 'weekly'; timesPerWeek: number } | { kind: 'once' };

export interface CompletionInput {
  frequency: Frequency;
  /** The first day the practice counts (the day it was assigned, in the patient's time zone). */
  startDay: string;
  /** The last day it counts: the due date (for "once", the day it is due). */
  dueDay: string;
  /** The day the therapist ended it, when they did: nothing after it is expected. */
  endedDay: string | null;
  /** Today in the patient's time zone. */
  today: string;
  /** The day of each completed entry (drafts do not count), any order, repeats allowed. */
  doneDays: readonly string[];
}

export interface Completion {
  /** Every completed entry in the span, however many a period asked for. */
  done: number;
  completed: number;
  expected: number;
  /** completed / expected, 0-1; null while nothing is expected yet. */
  rate: number | null;
}

const minDay = (...days: string[]) => days.reduce((a, b) => (b < a ? b : a));

/**
 * Completed against expected, by frequency. The practice is cut into periods: a day (daily), 7-day windows
 * from the start day (N times a week; a last, shorter window expects at most one per day in it), or the
 * whole span (once). Each period expects its quota and is credited with at most that many entries, so
 * doing extra one week never hides a missed week. A period still running counts only once its quota is met:
 * the patient is never behind for a day or week that is not over.
 */
export function completionOf(input: CompletionInput): Completion {
  const last = minDay(input.dueDay, input.endedDay ?? input.dueDay);
  if (last < input.startDay) return { done: 0, completed: 0, expected: 0, rate: null };
  const periods: { from: string; to: string; quota: number }[] = [];
  const { frequency } = input;
  if (frequency.kind === 'once') {
    periods.push({ from: input.startDay, to: last, quota: 1 });
  } else {
    const length = frequency.kind === 'daily' ? 1 : 7;
    for (let from = input.startDay; from <= last; from = addDays(from, length)) {
      const to = minDay(addDays(from, length - 1), last);
      const quota =
        frequency.kind === 'daily' ? 1 : Math.min(frequency.timesPerWeek, daysBetween(from, to) + 1);
      periods.push({ from, to, quota });
    }
  }
  let completed = 0;
  let expected = 0;
  for (const p of periods) {
    if (p.from > input.today) break;
    const inPeriod = input.doneDays.filter((d) => d >= p.from && d <= p.to).length;
    const credited = Math.min(inPeriod, p.quota);
    const over = p.to < input.today;
    if (!over && credited < p.quota) continue;
    completed += credited;
    expected += p.quota;
  }
  const done = input.doneDays.filter((d) => d >= input.startDay && d <= last).length;
  return { done, completed, expected, rate: expected === 0 ? null : completed / expected };
}

/** "Daily", "3 times a week", "Once". */
export function frequencyWords(f: Frequency): string {
  if (f.kind === 'daily') return 'Daily';
  if (f.kind === 'once') return 'Once';
  return f.timesPerWeek === 1 ? 'Once a week' : `${String(f.timesPerWeek)} times a week`;
}
