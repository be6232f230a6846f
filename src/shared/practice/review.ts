import { addDays, weekdayOf } from '../time/index.js';
import type { DiaryCard, ThoughtRecord } from './content.js';

/** The part of an entry the review helpers read. */
export interface ReviewEntry<C> {
  id: string;
  day: string;
  status: 'draft' | 'done';
  content: C;
}

export interface DiaryGridRow {
  kind: 'emotion' | 'urge' | 'distress' | 'skills';
  name: string;
  /** One cell per day of the week, Monday first as the grid is drawn. */
  cells: (DiaryCell | null)[];
}
export type DiaryCell =
  | { kind: 'rating'; value: number | null }
  | { kind: 'urge'; value: number | null; actedOn: boolean | null }
  | { kind: 'skills'; skills: string[] };

export interface DiaryGrid {
  days: string[];
  rows: DiaryGridRow[];
  /** Days with a completed card. */
  filledDays: number;
}

/** The Monday on or before a day (the diary grid's week starts on Monday). */
export function weekStart(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/**
 * The weekly diary-card grid: days across, emotions, urges, distress and skills down. Built from the
 * completed cards a viewer may read (the caller passes only those), so a therapist-only card never
 * reaches the prescriber's grid. When a day has two cards the later entry wins.
 */
export function diaryGrid(monday: string, entries: readonly ReviewEntry<DiaryCard>[]): DiaryGrid {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const byDay = new Map<string, DiaryCard>();
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (e.status === 'done' && days.includes(e.day)) byDay.set(e.day, e.content);
  const cards = days.map((d) => byDay.get(d) ?? null);
  const names = (pick: (c: DiaryCard) => string[]) => [...new Set(cards.flatMap((c) => (c ? pick(c) : [])))];
  const rows: DiaryGridRow[] = [
    ...names((c) => c.emotions.map((e) => e.name)).map((name) => ({
      kind: 'emotion' as const,
      name,
      cells: cards.map((c): DiaryCell | null => {
        if (!c) return null;
        const e = c.emotions.find((x) => x.name === name);
        return e ? { kind: 'rating', value: e.rating } : null;
      }),
    })),
    ...names((c) => c.urges.map((u) => u.behaviour)).map((name) => ({
      kind: 'urge' as const,
      name,
      cells: cards.map((c): DiaryCell | null => {
        if (!c) return null;
        const u = c.urges.find((x) => x.behaviour === name);
        return u ? { kind: 'urge', value: u.urge, actedOn: u.actedOn } : null;
      }),
    })),
    {
      kind: 'distress',
      name: 'Distress',
      cells: cards.map((c): DiaryCell | null => (c ? { kind: 'rating', value: c.distress } : null)),
    },
    {
      kind: 'skills',
      name: 'Skills used',
      cells: cards.map((c): DiaryCell | null => (c ? { kind: 'skills', skills: c.skills } : null)),
    },
  ];
  return { days, rows, filledDays: cards.filter(Boolean).length };
}

export interface BeliefPoint {
  entryId: string;
  day: string;
  hotThought: string | null;
  /** Belief in the hot thought when it came (0-100). */
  before: number | null;
  /** Belief in the same thought re-rated at the end (0-100). */
  after: number | null;
  /** Belief in the balanced thought (0-100). */
  balanced: number | null;
}

/** Thought-record belief ratings before and after, oldest first (completed records only). */
export function beliefSeries(entries: readonly ReviewEntry<ThoughtRecord>[]): BeliefPoint[] {
  return entries
    .filter((e) => e.status === 'done')
    .map((e) => {
      const hot = e.content.thoughts.find((t) => t.hot) ?? e.content.thoughts[0] ?? null;
      return {
        entryId: e.id,
        day: e.day,
        hotThought: hot?.text ?? null,
        before: hot?.belief ?? null,
        after: e.content.hotThoughtBeliefAfter,
        balanced: e.content.balancedBelief,
      };
    })
    .sort((a, b) => (a.day === b.day ? (a.entryId < b.entryId ? -1 : 1) : a.day < b.day ? -1 : 1));
}
