import { renderPdf, type Paper } from '../../platform/pdf/index.js';
import { cocmThresholds, crossedInWords } from '../../../shared/care-contacts/cocm-minutes.js';
import type { MinutesReport } from '../../../shared/care-contacts/api.js';

/**
 * The monthly care-manager minutes report as a PDF (issue 15): the same rows as the CSV (patients with
 * care-manager minutes that month), with the thresholds it applies and the words that Duet does not bill.
 */
export function minutesReportPdf(
  report: MinutesReport,
  meta: { clinicName: string; generatedAt: number; paper: Paper },
): Promise<Buffer> {
  const rows = report.patients.filter((p) => p.cocm.minutes > 0);
  const t = cocmThresholds;
  return renderPdf(
    {
      title: `Care-manager minutes, ${report.month}`,
      clinicName: meta.clinicName,
      patient: null,
      generatedAt: meta.generatedAt,
      zone: report.clinicTimeZone,
      paper: meta.paper,
    },
    (w) => {
      w.paragraph(
        `Calendar month ${report.month} in ${report.clinicTimeZone}. Thresholds (issue 15): CPT 99492 first month ` +
          `${String(t.firstMonthMinutes)} min, CPT 99493 later months ${String(t.laterMonthMinutes)} min, ` +
          `CPT 99494 each further ${String(t.furtherMinutes)} min, HCPCS G2214 ${String(t.g2214Minutes)} min. ` +
          'Duet reports minutes; it does not bill.',
        { size: 9 },
      );
      w.table({
        columns: [
          { header: 'Patient', weight: 3 },
          { header: 'Contacts', weight: 1, align: 'right' },
          { header: 'Minutes', weight: 1, align: 'right' },
          { header: 'Month', weight: 1 },
          { header: 'Thresholds crossed', weight: 4 },
        ],
        rows: rows.map((p) => [
          `${p.familyName}, ${p.givenName}`,
          String(p.contacts),
          String(p.cocm.minutes),
          p.cocm.firstMonth ? 'first' : 'later',
          crossedInWords(p.cocm.crossed) || 'none yet',
        ]),
        empty: 'No care-manager minutes were logged this month.',
      });
    },
  );
}
