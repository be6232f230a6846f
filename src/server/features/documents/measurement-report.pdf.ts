import { dayNumber } from '../../../shared/time/index.js';
import { instrumentById, PFIZER_ATTRIBUTION } from '../../../shared/measures/instruments.js';
import { RESPONSE_FALL_PERCENT } from '../../../shared/measures/interpretation.js';
import type { MeasurementSummary } from '../../../shared/documents/measurement-summary.js';
import type { PdfWriter } from '../../platform/pdf/index.js';
import type { MeasurementData } from './document-data.js';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

function changeWords(s: MeasurementSummary): string {
  if (s.changePoints === null) return 'Not yet (one answer)';
  const points = `${s.changePoints > 0 ? '+' : ''}${String(s.changePoints)} points`;
  return s.changePercent === null
    ? points
    : `${points} (${s.changePercent > 0 ? '+' : ''}${String(s.changePercent)}%)`;
}

/**
 * The measurement report for referrals: per questionnaire the baseline, the latest answer, the change from
 * baseline, response and remission (instruments.md "Change over time"), a chart over time on the severity
 * bands (instruments.md; sources named under each chart), then every answer as a table.
 */
export function drawMeasurementReport(w: PdfWriter, data: MeasurementData): void {
  w.heading('Summary');
  const measured = data.summaries.filter((s) => s.count > 0);
  w.table({
    columns: [
      { header: 'Questionnaire', weight: 1.6 },
      { header: 'Answers', weight: 0.9 },
      { header: 'Baseline', weight: 1.6 },
      { header: 'Latest', weight: 1.7 },
      { header: 'Change from baseline', weight: 1.8 },
      { header: `Response (fall >= ${String(RESPONSE_FALL_PERCENT)}%)`, weight: 1.4 },
      { header: 'Remission (PHQ-9 < 5)', weight: 1.4 },
    ],
    rows: measured.map((s) => [
      s.name,
      String(s.count),
      s.baseline ? `${String(s.baseline.total)} on ${s.baseline.day}` : '',
      s.latest ? `${String(s.latest.total)} on ${s.latest.day} (${s.latestBand ?? ''})` : '',
      changeWords(s),
      yesNo(s.response),
      s.instrument === 'phq9' ? yesNo(s.remission) : 'Not defined',
    ]),
    empty: 'No questionnaires answered yet.',
  });
  w.paragraph(
    'Response: a fall of 50% or more from baseline (ICSI depression guideline; AIMS Center). Remission: PHQ-9 below 5 ' +
      '(ICSI; AIMS Center); the clinical sources define no remission for GAD-7. Baseline: the answer a clinician chose, ' +
      'else the first answer.',
    { size: 8, colour: '#333' },
  );
  for (const s of measured) {
    const def = instrumentById(s.instrument);
    const points = data.scores
      .filter((x) => x.instrument === s.instrument && x.total !== null)
      .map((x) => ({ x: dayNumber(x.day), y: x.total ?? 0 }));
    w.heading(`${def.name} over time`, 2);
    const lines = [];
    if (def.interpretation.remissionBelow !== null)
      lines.push({
        y: def.interpretation.remissionBelow,
        label: `remission below ${String(def.interpretation.remissionBelow)}`,
      });
    if (s.baseline && s.baseline.total > 0)
      lines.push({
        y: s.baseline.total / 2,
        label: `response line (half of baseline ${String(s.baseline.total)})`,
      });
    const days = data.scores.filter((x) => x.instrument === s.instrument).map((x) => x.day);
    w.lineChart(
      {
        yMin: 0,
        yMax: def.maxTotal,
        bands: def.severityBands.map((b) => ({
          from: b.min,
          to: b.max + 1,
          label: `${b.label} ${String(b.min)}-${String(b.max)}`,
        })),
        series: [{ label: `${def.name} total`, points }],
        lines,
      },
      {
        height: 150,
        caption: `Severity bands: ${def.severitySource}. Every answer is listed in the table below.`,
        xLabels: days.length ? [days[0] ?? '', days[days.length - 1] ?? ''] : [],
      },
    );
  }
  w.heading('Every answer', 2);
  w.table({
    columns: [
      { header: 'Day', weight: 1 },
      { header: 'Questionnaire', weight: 1 },
      { header: 'Total', weight: 0.7, align: 'right' },
      { header: 'Severity', weight: 1.5 },
    ],
    rows: data.scores.map((x) => [
      x.day,
      x.name,
      x.total === null ? 'Not scored' : String(x.total),
      x.severity ?? '',
    ]),
    empty: 'No answers.',
  });
  w.paragraph(`PHQ-9 and GAD-7: ${PFIZER_ATTRIBUTION}`, { size: 7, colour: '#444' });
}
