/**
 * Early-treatment watch (medication-safety.md section 5; FDA antidepressant boxed warning 2004/2007 on
 * suicidal thoughts and behaviour in children, adolescents and young adults): when an antidepressant is
 * started or its dose changed for a patient under 25, an extra PHQ-9 is due 1, 2 and 4 weeks later and the
 * registry and the patient page show "early-treatment watch" until week 4. The age line and the boxed
 * warning are the label's; the 1/2/4-week schedule is the product's policy.
 */
import { addDays, daysBetween } from '../time/index.js';
import { ageOnDay } from '../medication-safety/age.js';
import { resolveMedicationName } from '../medication-safety/names.js';

/** Under this age at the start or dose change (FDA boxed warning: "up to age 24"). */
export const WATCH_UNDER_AGE = 25;
/** The extra PHQ-9 checks, in weeks after the start or change (product policy). */
export const WATCH_CHECK_WEEKS = [1, 2, 4] as const;
/** A PHQ-9 answered up to this many days before a check's date counts for it (product policy). */
export const WATCH_EARLY_DAYS = 3;

export interface AntidepressantChange {
  medicationId: string;
  medicationName: string;
  kind: 'started' | 'dose_changed';
  /** Local day the start or new dose took effect. */
  day: string;
}

export interface EarlyTreatmentWatch {
  medicationId: string;
  medicationName: string;
  kind: 'started' | 'dose_changed';
  /** The day of the start or change. */
  since: string;
  /** Last day of the watch: week 4. */
  until: string;
  /** The extra PHQ-9 dates: 1, 2 and 4 weeks after. */
  checks: string[];
}

/**
 * The watch in force on `today`: the latest antidepressant start or dose change, on or before today, made
 * while the patient was under 25, whose week 4 has not passed. Null otherwise (or without a birth date).
 */
export function earlyTreatmentWatch(
  birthDate: string | null,
  changes: readonly AntidepressantChange[],
  today: string,
): EarlyTreatmentWatch | null {
  if (birthDate === null) return null;
  const latest = [...changes]
    .filter((c) => {
      const age = ageOnDay(birthDate, c.day);
      return c.day <= today && age !== null && age < WATCH_UNDER_AGE;
    })
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))[0];
  if (!latest) return null;
  const checks = WATCH_CHECK_WEEKS.map((w) => addDays(latest.day, w * 7));
  const until = checks[checks.length - 1] ?? latest.day;
  if (today > until) return null;
  return {
    medicationId: latest.medicationId,
    medicationName: latest.medicationName,
    kind: latest.kind,
    since: latest.day,
    until,
    checks,
  };
}

/**
 * The next extra PHQ-9 of the watch: the first check not yet answered (a PHQ-9 answered on or after 3 days
 * before it counts, so one answer at week 2 covers a missed week 1 as well). Null when all are answered.
 */
export function watchCheckDue(watch: EarlyTreatmentWatch, lastPhq9Day: string | null): string | null {
  for (const check of watch.checks)
    if (lastPhq9Day === null || daysBetween(lastPhq9Day, check) > WATCH_EARLY_DAYS) return check;
  return null;
}

/**
 * Antidepressant starts and dose changes read from a regimen's dose periods: the first period is the start,
 * a later period whose dose differs from the one before (not a pause) is a dose change.
 */
export function changesFromPeriods(
  medicationId: string,
  medicationName: string,
  periods: readonly { from: string; doseAmount: number; doseUnit: string; paused: boolean }[],
): AntidepressantChange[] {
  const out: AntidepressantChange[] = [];
  let previous: { doseAmount: number; doseUnit: string } | null = null;
  for (const p of periods) {
    if (p.paused) continue;
    if (previous === null) out.push({ medicationId, medicationName, kind: 'started', day: p.from });
    else if (previous.doseAmount !== p.doseAmount || previous.doseUnit !== p.doseUnit)
      out.push({ medicationId, medicationName, kind: 'dose_changed', day: p.from });
    previous = p;
  }
  return out;
}

/**
 * Antidepressants by catalogue group, or by generic or brand name for free-text entries (catalogue seed,
 * shared/clinical/medications.csv; brand names from the FDA labels).
 */
const ANTIDEPRESSANT_NAMES = [
  'sertraline',
  'zoloft',
  'fluoxetine',
  'prozac',
  'citalopram',
  'celexa',
  'escitalopram',
  'lexapro',
  'paroxetine',
  'paxil',
  'pexeva',
  'fluvoxamine',
  'luvox',
  'venlafaxine',
  'effexor',
  'duloxetine',
  'cymbalta',
  'desvenlafaxine',
  'pristiq',
  'bupropion',
  'wellbutrin',
  'mirtazapine',
  'remeron',
  'trazodone',
  'desyrel',
  'vortioxetine',
  'trintellix',
  'vilazodone',
  'viibryd',
  'amitriptyline',
  'nortriptyline',
  'imipramine',
  'clomipramine',
  'phenelzine',
  'tranylcypromine',
  'selegiline',
  'levomilnacipran',
];

export function isAntidepressant(
  names: readonly (string | null | undefined)[],
  drugGroup: string | null,
): boolean {
  if (drugGroup?.toLowerCase() === 'antidepressant') return true;
  const words = new Set(names.flatMap((n) => (n ?? '').toLowerCase().split(/[^a-z]+/)));
  if (ANTIDEPRESSANT_NAMES.some((n) => words.has(n))) return true;
  // Brands and salts the shared resolver knows (medication-safety/names.ts), e.g. "Lustral", "Zyban".
  return names.some((n) => n && resolveMedicationName(n, ANTIDEPRESSANT_NAMES) !== null);
}
