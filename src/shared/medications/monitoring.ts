import { addDays, daysBetween } from '../time/index.js';

/**
 * Monitoring schedules for medications that need blood tests or physical checks, as due dates counted
 * from the medication's start date. Pure; the server adds recorded results and raises overdue alerts.
 * Sources are named next to each schedule (shared/clinical/care-rules.md, medications.csv).
 */
export type MonitoringProgram = 'lithium' | 'clozapine_anc' | 'valproate_lft' | 'sga_metabolic';
export const monitoringPrograms: MonitoringProgram[] = [
  'lithium',
  'clozapine_anc',
  'valproate_lft',
  'sga_metabolic',
];

/** Fixed checks (days after start) then repeating ones. `until` is inclusive. */
interface DueSpec {
  at: number[];
  then: { every: number; from: number; until?: number }[];
}

export interface MonitoringTest {
  code: string;
  label: string;
  program: MonitoringProgram;
  defaultUnit: string;
  /** Plain summary shown to the prescriber. */
  scheduleText: string;
  source: string;
  spec: DueSpec;
  /** How the sample is taken, shown wherever the due check is shown. */
  instruction?: string;
}

/** Lithium label: the level is read 12 hours after the last dose (medication-safety.md §3). */
export const LITHIUM_LEVEL_INSTRUCTION = 'Take the blood sample 12 hours after the last lithium dose.';

const W = 7;

export const monitoringTests: MonitoringTest[] = [
  // Clozapine: "ANC >= 1500/uL to start; weekly for 6 months, every 2 weeks months 6-12, monthly after (label).
  // The FDA REMS was removed effective 13 Jun 2025; ANC monitoring per label continues." (care-rules.md)
  // Months are counted as weeks (6 months = 26 weeks, 12 months = 52 weeks); "monthly" = every 4 weeks.
  {
    code: 'anc',
    label: 'Absolute neutrophil count (ANC)',
    program: 'clozapine_anc',
    defaultUnit: 'cells/uL',
    scheduleText: 'before starting, weekly for 6 months, every 2 weeks months 6-12, then monthly',
    source: 'Clozapine label (care-rules.md: ANC weekly 6 months, 2-weekly months 6-12, monthly after)',
    spec: {
      at: [0],
      then: [
        { every: W, from: W, until: 26 * W },
        { every: 2 * W, from: 28 * W, until: 52 * W },
        { every: 4 * W, from: 56 * W },
      ],
    },
  },
  // Lithium: care-rules.md gives "serum level monitoring; toxicity occurs close to therapeutic levels (label)"
  // and medications.csv "serum lithium level; renal and thyroid function" without intervals.
  // PRODUCT DEFAULT (not a published schedule): level weekly for the first 4 weeks, then every 13 weeks;
  // kidney and thyroid function before starting and every 26 weeks. The prescriber adjusts by recording results.
  {
    code: 'lithium_level',
    label: 'Serum lithium level',
    program: 'lithium',
    defaultUnit: 'mmol/L',
    scheduleText: 'weekly for the first 4 weeks, then every 3 months (product default)',
    source:
      'Product default; care-rules.md: lithium serum level monitoring (label); 5-7 days after starting (medication-safety.md §3)',
    spec: { at: [W, 2 * W, 3 * W, 4 * W], then: [{ every: 13 * W, from: 17 * W }] },
    instruction: LITHIUM_LEVEL_INSTRUCTION,
  },
  {
    code: 'renal_function',
    label: 'Kidney function (eGFR or creatinine)',
    program: 'lithium',
    defaultUnit: 'mL/min/1.73m2',
    scheduleText: 'before starting, then every 6 months (product default)',
    source: 'Product default; medications.csv: lithium renal function',
    spec: { at: [0], then: [{ every: 26 * W, from: 26 * W }] },
  },
  {
    code: 'thyroid_function',
    label: 'Thyroid function (TSH)',
    program: 'lithium',
    defaultUnit: 'mIU/L',
    scheduleText: 'before starting, then every 6 months (product default)',
    source: 'Product default; medications.csv: lithium thyroid function',
    spec: { at: [0], then: [{ every: 26 * W, from: 26 * W }] },
  },
  // Lithium calcium: "baseline, then every 6-12 months" (medication-safety.md §3, label / NICE CG185).
  {
    code: 'calcium',
    label: 'Calcium',
    program: 'lithium',
    defaultUnit: 'mmol/L',
    scheduleText: 'before starting, then every 6 months',
    source: 'Lithium label / NICE CG185 (medication-safety.md §3: baseline, then every 6-12 months)',
    spec: { at: [0], then: [{ every: 26 * W, from: 26 * W }] },
  },
  // Valproate: "liver tests before and frequently during the first 6 months (boxed warning)" (care-rules.md).
  // PRODUCT DEFAULT for "frequently": every 4 weeks to week 26, then every 6 months.
  {
    code: 'liver_function',
    label: 'Liver function: ALT',
    program: 'valproate_lft',
    defaultUnit: 'U/L',
    scheduleText:
      'before starting, every 4 weeks for 6 months, then every 6 months (product default interval)',
    source: 'Valproate boxed warning (care-rules.md); intervals are a product default',
    spec: {
      at: [0],
      then: [
        { every: 4 * W, from: 4 * W, until: 26 * W },
        { every: 26 * W, from: 52 * W },
      ],
    },
  },
  // Valproate AST, serum level and platelets (medication-safety.md §3: ALT/AST, total level, platelets; label).
  // PRODUCT DEFAULT interval: the same as the liver tests.
  ...(
    [
      ['ast', 'Liver function: AST', 'U/L', 'Valproate boxed warning, hepatotoxicity (ALT/AST)'],
      ['valproate_level', 'Valproate level (total)', 'ug/mL', 'Divalproex label: total serum level'],
      ['platelets', 'Platelets', 'x10^9/L', 'Valproate label: thrombocytopenia'],
    ] as const
  ).map(([code, label, defaultUnit, source]): MonitoringTest => ({
    code,
    label,
    program: 'valproate_lft',
    defaultUnit,
    scheduleText:
      'before starting, every 4 weeks for 6 months, then every 6 months (product default interval)',
    source: `${source} (medication-safety.md §3); intervals are a product default`,
    spec: {
      at: [0],
      then: [
        { every: 4 * W, from: 4 * W, until: 26 * W },
        { every: 26 * W, from: 52 * W },
      ],
    },
  })),
  // Second-generation antipsychotics (ADA/APA consensus, Diabetes Care 2004;27:596-601): weight/BMI at baseline,
  // weeks 4, 8, 12, then quarterly; blood pressure and fasting glucose at baseline, week 12, then yearly;
  // fasting lipids at baseline, week 12, then every 5 years. Quarterly = every 13 weeks; a year = 52 weeks.
  {
    code: 'weight',
    label: 'Weight / BMI',
    program: 'sga_metabolic',
    defaultUnit: 'kg',
    scheduleText: 'baseline, weeks 4, 8 and 12, then every 3 months',
    source: 'ADA/APA consensus, Diabetes Care 2004;27:596-601',
    spec: { at: [0, 4 * W, 8 * W, 12 * W], then: [{ every: 13 * W, from: 25 * W }] },
  },
  {
    code: 'blood_pressure',
    label: 'Blood pressure',
    program: 'sga_metabolic',
    defaultUnit: 'mmHg',
    scheduleText: 'baseline, week 12, then yearly',
    source: 'ADA/APA consensus, Diabetes Care 2004;27:596-601',
    spec: { at: [0, 12 * W], then: [{ every: 52 * W, from: 52 * W }] },
  },
  {
    code: 'fasting_glucose',
    label: 'Fasting glucose',
    program: 'sga_metabolic',
    defaultUnit: 'mg/dL',
    scheduleText: 'baseline, week 12, then yearly',
    source: 'ADA/APA consensus, Diabetes Care 2004;27:596-601',
    spec: { at: [0, 12 * W], then: [{ every: 52 * W, from: 52 * W }] },
  },
  {
    code: 'fasting_lipids',
    label: 'Fasting lipids',
    program: 'sga_metabolic',
    defaultUnit: 'mg/dL',
    scheduleText: 'baseline, week 12, then every 5 years',
    source: 'ADA/APA consensus, Diabetes Care 2004;27:596-601',
    spec: { at: [0, 12 * W], then: [{ every: 260 * W, from: 260 * W }] },
  },
];

export const monitoringTestCodes = monitoringTests.map((t) => t.code);

export function testsForPrograms(programs: readonly string[]): MonitoringTest[] {
  return monitoringTests.filter((t) => programs.includes(t.program));
}

/** Due offsets (days after start) up to and including `horizon`, ascending. */
export function dueOffsets(spec: DueSpec, horizon: number): number[] {
  const out = new Set(spec.at.filter((d) => d <= horizon));
  for (const rep of spec.then) {
    const last = Math.min(rep.until ?? horizon, horizon);
    for (let d = rep.from; d <= last; d += rep.every) out.add(d);
  }
  return [...out].sort((a, b) => a - b);
}

/** A baseline result taken up to this many days before the start still counts (product default). */
export const BASELINE_LOOKBACK_DAYS = 30;

export interface MonitoringDue {
  code: string;
  label: string;
  defaultUnit: string;
  scheduleText: string;
  source: string;
  /** Next due day not yet covered by a result; null when nothing more is due (medication stopped). */
  dueOn: string | null;
  /** Days past due on `today` (0 when not overdue). */
  daysOverdue: number;
  status: 'overdue' | 'due_soon' | 'scheduled' | 'none';
  lastResultOn: string | null;
  /** Why the check is due then when a result or a dose change moved it (null: the regular schedule). */
  reason: string | null;
  /** First day of a due window (lithium level 5-7 days after a dose change); null when due on one day. */
  dueFrom: string | null;
  /** How to take the sample (lithium: 12 hours after the last dose). */
  instruction: string | null;
}

/** Status of a due day seen on `today`. */
export function dueStatus(
  dueOn: string | null,
  today: string,
): Pick<MonitoringDue, 'status' | 'daysOverdue'> {
  if (dueOn === null) return { status: 'none', daysOverdue: 0 };
  const late = daysBetween(dueOn, today);
  if (late > 0) return { status: 'overdue', daysOverdue: late };
  if (-late <= DUE_SOON_DAYS) return { status: 'due_soon', daysOverdue: 0 };
  return { status: 'scheduled', daysOverdue: 0 };
}

/**
 * The regular due check, or `earlier` when it comes first (a label follow-up after a result, a level after a
 * lithium dose change). The regular date stays when it is earlier: nothing due is ever pushed later.
 */
export function withEarlierDue(
  due: MonitoringDue,
  earlier: { dueOn: string; dueFrom: string | null; reason: string } | null,
  today: string,
): MonitoringDue {
  if (earlier === null) return due;
  if (due.dueOn !== null && due.dueOn <= earlier.dueOn) return due;
  return {
    ...due,
    ...dueStatus(earlier.dueOn, today),
    dueOn: earlier.dueOn,
    dueFrom: earlier.dueFrom,
    reason: earlier.reason,
  };
}

/** Days before a due date when it shows as "due soon". */
export const DUE_SOON_DAYS = 7;

/**
 * The next due check of one test. A result covers a due date when taken less than half the interval
 * before it (or after it) (a week-4 weight taken at week 6 covers week 4; the next due is week 8). Checks due after the
 * medication's end date are not due.
 */
export function nextDue(
  test: MonitoringTest,
  startDate: string,
  endDate: string | null,
  resultDays: readonly string[],
  today: string,
): MonitoringDue {
  const horizonDay = endDate !== null && endDate < addDays(today, 400) ? endDate : addDays(today, 400);
  const offsets = dueOffsets(test.spec, Math.max(0, daysBetween(startDate, horizonDay)));
  const sorted = [...resultDays].sort();
  const lastResultOn = sorted[sorted.length - 1] ?? null;
  let dueOn: string | null = null;
  let prevOffset: number | null = null;
  for (const offset of offsets) {
    const due = addDays(startDate, offset);
    const earliest =
      prevOffset === null
        ? addDays(due, -BASELINE_LOOKBACK_DAYS)
        : addDays(due, -Math.floor((offset - prevOffset) / 2));
    prevOffset = offset;
    const covered = sorted.some((r) => r > earliest);
    // Results are cumulative: once a result on/after `earliest` exists, this due date is met; look at the next.
    if (!covered) {
      dueOn = due;
      break;
    }
  }
  const base = {
    code: test.code,
    label: test.label,
    defaultUnit: test.defaultUnit,
    scheduleText: test.scheduleText,
    source: test.source,
    lastResultOn,
    reason: null,
    dueFrom: null,
    instruction: test.instruction ?? null,
  };
  return { ...base, dueOn, ...dueStatus(dueOn, today) };
}

/** Alert severity for an overdue check: routine, high when more than `highAfterDays` overdue (product default 14). */
export const MONITORING_OVERDUE_HIGH_AFTER_DAYS = 14;
export function overdueSeverity(
  daysOverdue: number,
  highAfterDays = MONITORING_OVERDUE_HIGH_AFTER_DAYS,
): 'routine' | 'high' {
  return daysOverdue > highAfterDays ? 'high' : 'routine';
}
