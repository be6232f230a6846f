/**
 * Adherence per medication (issue 11): the pooled figure hides a medicine the patient stopped (lithium 0%
 * for 35 days beside two medicines fully taken reads 83% overall), so each regular medication is judged on
 * its own doses:
 * - below the clinic threshold over the clinic window (defaults 80% over 14 days; care-rules.md
 *   "Adherence", product default) → the prescriber is told which medicine;
 * - lithium, clozapine or an anticonvulsant mood stabiliser (lamotrigine, valproate/divalproex,
 *   carbamazepine) not taken at all on 3 days in a row (clinic setting, product policy from issue 11)
 *   → the prescriber is told at once. Why these: stopping them abruptly carries its own risk, and restarting
 *   after a gap may need re-titration (clozapine: after 2 days or more off; lamotrigine: after more than 5
 *   half-lives; FDA labels, "Dosage and Administration"), so a gap is a prescriber question, not a statistic.
 * As-needed medications have no schedule and never enter these figures (shared/adherence/adherence.ts).
 */
import { addDays, daysBetween } from '../time/index.js';
import { resolveMedicationName } from '../medication-safety/names.js';
import { rateInWindow, type CountedDose, type Rate } from './adherence.js';
import { isLowAdherence } from './alerting.js';
import type { AdherenceSettings } from './settings.js';

export const gapCriticalKinds = ['lithium', 'clozapine', 'anticonvulsant_mood_stabiliser'] as const;
export type GapCriticalKind = (typeof gapCriticalKinds)[number];

export const gapCriticalLabels: Record<GapCriticalKind, string> = {
  lithium: 'lithium',
  clozapine: 'clozapine',
  anticonvulsant_mood_stabiliser: 'an anticonvulsant mood stabiliser',
};

/**
 * Generic names, salts and common brand names (FDA labels / DailyMed product names), matched as whole
 * words in the record's name or its catalogue generic name, so "Lithium carbonate ER", "Clozaril" and
 * "Depakote" typed as free text are recognised as well as the catalogue entries.
 */
const NAMES: Record<GapCriticalKind, readonly string[]> = {
  lithium: ['lithium', 'eskalith', 'lithobid', 'priadel', 'camcolit', 'lithonate', 'lithotabs'],
  clozapine: ['clozapine', 'clozaril', 'fazaclo', 'versacloz', 'denzapine', 'zaponex'],
  anticonvulsant_mood_stabiliser: [
    'lamotrigine',
    'lamictal',
    'subvenite',
    'valproate',
    'valproic',
    'divalproex',
    'depakote',
    'depakene',
    'depakine',
    'epival',
    'epilim',
    'stavzor',
    'carbamazepine',
    'tegretol',
    'equetro',
    'carbatrol',
    'epitol',
  ],
};

/** Catalogue generic names of each group, for the shared brand/salt resolver (medication-safety/names.ts). */
const GENERICS: Record<GapCriticalKind, readonly string[]> = {
  lithium: ['lithium'],
  clozapine: ['clozapine'],
  anticonvulsant_mood_stabiliser: ['lamotrigine', 'valproic acid', 'divalproex sodium', 'carbamazepine'],
};

/** Which gap-critical group a medication belongs to, from any of its names (record name, generic name). */
export function gapCriticalKind(names: readonly (string | null | undefined)[]): GapCriticalKind | null {
  const words = new Set(
    names.flatMap((n) =>
      (n ?? '')
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 0),
    ),
  );
  for (const kind of gapCriticalKinds) {
    if (NAMES[kind].some((n) => words.has(n))) return kind;
    if (names.some((n) => n && resolveMedicationName(n, GENERICS[kind]) !== null)) return kind;
  }
  return null;
}

/** Group counted doses by medication, each list kept in due order. */
export function byMedication(counted: readonly CountedDose[]): Map<string, CountedDose[]> {
  const out = new Map<string, CountedDose[]>();
  for (const d of counted) {
    const list = out.get(d.medicationId);
    if (list) list.push(d);
    else out.set(d.medicationId, [d]);
  }
  return out;
}

/** One medication's doses taken / scheduled over the alert window, and whether it is below the line. */
export function medicationWindowRate(
  own: readonly CountedDose[],
  today: string,
  s: AdherenceSettings,
): { rate: Rate; low: boolean } {
  const rate = rateInWindow(own, today, s.adherenceWindowDays);
  return { rate, low: isLowAdherence(rate, s) };
}

export interface UntakenRun {
  /** First local day of the run (names the run: one alert per run). */
  firstDay: string;
  /** Days in the run, up to and including yesterday. */
  days: number;
}

/**
 * The run of local days, ending yesterday, on which this medication had doses scheduled and none was
 * taken; null when a dose was taken today or yesterday had none scheduled. A day with nothing scheduled
 * (paused, or a weekday schedule) ends the run: the rule is about medicines due every day, as these are.
 * `own` are the counted doses of one medication (shared/adherence/adherence.ts `countedDoses`) over the
 * days looked at. When the run reaches back to the first of those days, `before` says where it really
 * began (the day after the last dose taken, or the medication's start), so the run keeps one name however
 * far back the doses were read.
 */
export function untakenRun(
  own: readonly CountedDose[],
  today: string,
  before?: { lastTakenDay: string | null; startDate: string },
): UntakenRun | null {
  const perDay = new Map<string, { scheduled: number; taken: number }>();
  let firstLoaded: string | null = null;
  for (const d of own) {
    const day = perDay.get(d.localDate) ?? { scheduled: 0, taken: 0 };
    day.scheduled += 1;
    if (d.taken) day.taken += 1;
    perDay.set(d.localDate, day);
    if (firstLoaded === null || d.localDate < firstLoaded) firstLoaded = d.localDate;
  }
  if ((perDay.get(today)?.taken ?? 0) > 0) return null;
  let days = 0;
  let day = addDays(today, -1);
  for (;;) {
    const c = perDay.get(day);
    if (!c || c.scheduled === 0 || c.taken > 0) break;
    days += 1;
    day = addDays(day, -1);
  }
  if (days === 0) return null;
  const firstDay = addDays(today, -days);
  if (before && firstDay === firstLoaded) {
    const afterTaken = before.lastTakenDay === null ? before.startDate : addDays(before.lastTakenDay, 1);
    const began = afterTaken > before.startDate ? afterTaken : before.startDate;
    if (began < firstDay) return { firstDay: began, days: daysBetween(began, today) };
  }
  return { firstDay, days };
}

/** True when a gap-critical medication has not been taken on at least the clinic's number of days (3). */
export function isCriticalGap(run: UntakenRun | null, s: AdherenceSettings): run is UntakenRun {
  return run !== null && run.days >= s.criticalMedicationGapDays;
}
