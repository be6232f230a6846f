import { cocmThresholds, crossedInWords } from './cocm-minutes.js';
import type { MinutesReport } from './api.js';

/** One CSV cell (RFC 4180 quoting); a leading = + - @ is neutralised so a spreadsheet never runs it. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The monthly care-manager minutes report (issue 15) as CSV: one row per patient with care-manager minutes
 * that month, the threshold that month (first month or later) and every threshold crossed. Duet reports
 * minutes; it does not bill (thresholds: cocm-minutes.ts, from issue 15).
 */
export function minutesReportCsv(report: MinutesReport): string {
  const header = [
    'Month',
    'Clinic time zone',
    'Family name',
    'Given name',
    'Care-manager contacts',
    'Minutes',
    'CoCM month',
    'Threshold minutes',
    'Thresholds crossed',
  ];
  const rows = report.patients
    .filter((p) => p.cocm.minutes > 0)
    .map((p) => [
      report.month,
      report.clinicTimeZone,
      p.familyName,
      p.givenName,
      p.contacts,
      p.cocm.minutes,
      p.cocm.firstMonth ? 'first' : 'later',
      p.cocm.firstMonth ? cocmThresholds.firstMonthMinutes : cocmThresholds.laterMonthMinutes,
      crossedInWords(p.cocm.crossed),
    ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
