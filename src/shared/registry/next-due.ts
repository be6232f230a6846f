import { defaultMeasurementPlan, nextDueDate, type MeasureScheduleRule } from '../measures/schedule.js';

/**
 * Calendar-day helpers for the registry and the overdue check, and the next due questionnaire from the
 * measures schedule (care-rules.md: baseline, every 2 weeks for 12 weeks, then every 4 weeks).
 */
export { daysBetween } from '../time/index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone; UTC when the zone is unknown. */
export function dayInZone(at: number, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }
    formatters.set(zone, f);
  }
  return f.format(at);
}

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
