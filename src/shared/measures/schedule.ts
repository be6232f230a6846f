import { addDays, daysBetween } from '../time/index.js';
import { instrumentByName, instrumentList } from './instruments.js';
import { watchCheckDue, type EarlyTreatmentWatch } from './early-treatment-watch.js';

/** One questionnaire's schedule, the shape of the treatment plan's measurement plan (treatment-plans/schemas.ts). */
export interface MeasureScheduleRule {
  instrument: string;
  atBaseline: boolean;
  everyWeeksEarly: number;
  earlyPhaseWeeks: number;
  everyWeeksAfter: number;
}

/**
 * care-rules.md, "Measurement schedule (product defaults)": PHQ-9 and GAD-7 at baseline, then every 2 weeks
 * during the first 12 weeks, then every 4 weeks.
 */
export const defaultMeasurementPlan: readonly MeasureScheduleRule[] = instrumentList.map((i) => ({
  instrument: i.name,
  atBaseline: true,
  everyWeeksEarly: 2,
  earlyPhaseWeeks: 12,
  everyWeeksAfter: 4,
}));

/** care-rules.md: "An overdue measure (more than 7 days past due) is flagged". */
export const OVERDUE_AFTER_DAYS = 7;

export interface AnsweredDays {
  /** Day of the baseline (the first complete response of the current treatment), patient's time zone. */
  baselineDay: string;
  /** Day of the latest complete response. */
  lastDay: string;
}

export type DueStatus = 'upcoming' | 'due' | 'overdue';

export interface DueMeasure {
  instrument: string;
  name: string;
  dueDate: string;
  status: DueStatus;
  /** Days past the due date (0 when not yet past). */
  daysOverdue: number;
  isBaseline: boolean;
  lastAnsweredDay: string | null;
  /** True when this due date is an extra PHQ-9 of the early-treatment watch (early-treatment-watch.ts). */
  earlyTreatmentWatch?: boolean;
}

export { daysBetween };

/**
 * The next due date of one questionnaire. Before any answer: the baseline is due on the treatment's first
 * day (or one early interval later when the plan skips the baseline). After: the latest answer plus the
 * interval of the phase that answer fell in (early phase counted from the baseline), so a late answer
 * moves the next one rather than asking twice in a few days.
 */
export function nextDueDate(
  rule: MeasureScheduleRule,
  startDay: string,
  answered: AnsweredDays | null,
): string {
  if (!answered) return rule.atBaseline ? startDay : addDays(startDay, rule.everyWeeksEarly * 7);
  const early = daysBetween(answered.baselineDay, answered.lastDay) < rule.earlyPhaseWeeks * 7;
  return addDays(answered.lastDay, (early ? rule.everyWeeksEarly : rule.everyWeeksAfter) * 7);
}

export function dueStatus(dueDate: string, today: string): { status: DueStatus; daysOverdue: number } {
  const past = daysBetween(dueDate, today);
  if (past > OVERDUE_AFTER_DAYS) return { status: 'overdue', daysOverdue: past };
  return { status: past >= 0 ? 'due' : 'upcoming', daysOverdue: Math.max(0, past) };
}

/**
 * What is due for one patient: the agreed plan's measurement plan when it names questionnaires, else the
 * default plan. Days are calendar days in the patient's time zone (the caller converts instants).
 * An early-treatment watch (medication-safety.md section 5) brings the PHQ-9 forward to its next extra
 * check when that comes first, and adds the PHQ-9 when the plan does not measure it.
 */
export function measuresDue(input: {
  planRules: readonly MeasureScheduleRule[] | null;
  startDay: string;
  today: string;
  answered: Readonly<Record<string, AnsweredDays | undefined>>;
  earlyWatch?: EarlyTreatmentWatch | null;
}): DueMeasure[] {
  const rules = input.planRules && input.planRules.length > 0 ? input.planRules : defaultMeasurementPlan;
  const out: DueMeasure[] = [];
  for (const rule of rules) {
    const inst = instrumentByName(rule.instrument);
    if (!inst) continue;
    const answered = input.answered[inst.id] ?? null;
    const dueDate = nextDueDate(rule, input.startDay, answered);
    out.push({
      instrument: inst.id,
      name: inst.name,
      dueDate,
      ...dueStatus(dueDate, input.today),
      isBaseline: answered === null && rule.atBaseline,
      lastAnsweredDay: answered?.lastDay ?? null,
    });
  }
  const watch = input.earlyWatch;
  const phq9 = instrumentByName('PHQ-9');
  if (watch && phq9) {
    const lastDay = input.answered[phq9.id]?.lastDay ?? null;
    const check = watchCheckDue(watch, lastDay);
    if (check !== null) {
      const extra: DueMeasure = {
        instrument: phq9.id,
        name: phq9.name,
        dueDate: check,
        ...dueStatus(check, input.today),
        isBaseline: false,
        lastAnsweredDay: lastDay,
        earlyTreatmentWatch: true,
      };
      const i = out.findIndex((m) => m.instrument === phq9.id);
      const current = out[i];
      if (!current) out.push(extra);
      else if (check < current.dueDate && !current.isBaseline) out[i] = extra;
    }
  }
  return out;
}
