import type { PdfWriter } from '../../platform/pdf/index.js';
import type { MyRecordData } from './my-record-data.js';
import { allergyTable, medicationTable } from './medication-list.pdf.js';
import { drawMeasurementReport } from './measurement-report.pdf.js';
import { drawTreatmentPlan } from './treatment-plan.pdf.js';
import { contentLines, roleWord, sentenceCase, wallClock } from './words.js';

/**
 * "My record" (right of access): plan, medicines with their dose history, allergies, scores, appointments,
 * practice shared with the team, messages with the team and who has seen the record. Never psychotherapy
 * notes, the team's own thread or therapist-only practice.
 */
export function drawMyRecord(w: PdfWriter, data: MyRecordData, zone: string): void {
  const r = data.record;
  w.paragraph(
    'This is your record at Duet as your care team keeps it. A machine-readable copy (JSON) can be downloaded from the ' +
      'same page. Psychotherapy notes, which your therapist keeps for themself, are not part of it.',
    { size: 9, colour: '#333' },
  );
  w.heading('Treatment plan');
  drawTreatmentPlan(w, data.plan, zone);
  w.heading('Medicines');
  medicationTable(w, data.medications.current, 'No current medicines.');
  w.heading('Earlier medicines', 2);
  medicationTable(w, data.medications.past, 'No earlier medicines.');
  w.heading('Dose history', 2);
  w.table({
    columns: [
      { header: 'Day', weight: 1 },
      { header: 'Medicine', weight: 1.3 },
      { header: 'Change', weight: 1.2 },
      { header: 'What changed', weight: 2.5 },
      { header: 'Why', weight: 2.5 },
    ],
    rows: r.medications.flatMap((m) =>
      m.history.map((h) => [h.day, m.name, sentenceCase(h.change), h.summary, h.reason]),
    ),
    empty: 'No changes recorded.',
  });
  w.heading('Allergies', 2);
  allergyTable(w, data.medications);
  w.heading('Questionnaires');
  drawMeasurementReport(w, data.measurements);
  w.heading('Appointments');
  w.table({
    columns: [
      { header: 'Day', weight: 1 },
      { header: 'Time', weight: 0.7 },
      { header: 'Appointment', weight: 1.5 },
      { header: 'With', weight: 1.5 },
      { header: 'How', weight: 1 },
      { header: 'Status', weight: 1 },
    ],
    rows: r.appointments.map((a) => [
      a.day,
      a.time,
      a.type,
      a.with,
      sentenceCase(a.mode),
      sentenceCase(a.status),
    ]),
    empty: 'No appointments.',
  });
  w.heading('Practice shared with your care team');
  if (r.practice.length === 0) w.paragraph('No practice shared with the team.', { colour: '#444' });
  for (const p of r.practice) {
    w.paragraph(`${p.day} - ${p.name}`, { bold: true, size: 10 });
    w.paragraph(contentLines(p.content).join('\n') || '(empty)', { size: 9 });
  }
  w.heading('Messages with your care team');
  w.table({
    columns: [
      { header: 'When', weight: 1.2 },
      { header: 'Conversation', weight: 1.3 },
      { header: 'From', weight: 1.1 },
      { header: 'Message', weight: 4 },
    ],
    rows: r.messages.map((m) => [wallClock(Date.parse(m.at), zone), m.conversation, m.from, m.text]),
    empty: 'No messages.',
  });
  w.heading('Who has seen your record');
  w.table({
    columns: [
      { header: 'Day', weight: 1 },
      { header: 'Who', weight: 1.5 },
      { header: 'Role', weight: 1 },
      { header: 'What they did', weight: 3.5 },
      { header: 'Times', weight: 0.6, align: 'right' },
    ],
    rows: r.accessReport.map((a) => [a.day, a.who, roleWord(a.role), a.what, String(a.times)]),
    empty: 'Nobody else has opened your record yet.',
  });
}
