import { defaultMeasurementPlan, nextDueDate, type MeasureScheduleRule } from '../measures/schedule.js';

/**
 * The next due questionnaire of the registry and the overdue check, from the
 * measures schedule (care-rules.md: baseline, every 2 weeks for 12 weeks, then every 4 weeks).
 */
const ruleFor = (instrument: 'phq9' | 'gad7'): MeasureScheduleRule =>
  defaultMeasurementPlan.find((r) => r.instrument === (instrument === 'phq9' ? 'PHQ-9' : 'GAD-7')) ?? {
    instrument,
    atBaseline: true,
    everyWeeksEarly: 2,
    earlyPhaseWeeks: 12,
    everyWeeksAfter: 4,
  };

/** Next due day of one questionnaire: the treatment start for the baseline, then the schedule. */
export function nextDueDay(
  instrument: 'phq9' | 'gad7',
  startDay: string,
  answered: { baselineDay: string; lastDay: string } | null,
): string {
  return nextDueDate(ruleFor(instrument), startDay, answered);
}
