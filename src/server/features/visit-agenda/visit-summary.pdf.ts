// The visit summary as a document (issue 14), drawn with the platform's PdfWriter (pdfkit). The header
// (patient's name and date of birth, generation time) and the "Confidential" footer are renderPdf's.
import type { PdfWriter } from '../../platform/pdf/index.js';
import type { VisitSummary } from '../../../shared/visit-agenda/visit-summary-schema.js';
import {
  addresseeWords,
  adherenceWords,
  answerKindWords,
  appointmentTypeWords,
  scoreLine,
  sinceWords,
} from '../../../shared/visit-agenda/visit-summary-words.js';

export function drawVisitSummary(w: PdfWriter, s: VisitSummary): void {
  const type = appointmentTypeWords[s.appointment.type] ?? s.appointment.type;
  w.fields([
    ['Appointment', `${type} on ${s.appointment.day} at ${s.appointment.time}`],
    ['Clinician', s.appointment.clinicianName],
    ['Covers', sinceWords(s)],
  ]);

  w.heading('What the patient wants to talk about');
  w.table({
    columns: [
      { header: 'Item', weight: 5 },
      { header: 'For', weight: 2 },
      { header: 'Status', weight: 2 },
    ],
    rows: s.agenda.map((i) => [
      i.text,
      addresseeWords[i.addressedTo],
      i.status === 'open' ? 'Open' : 'Discussed',
    ]),
    empty: 'No items added.',
  });

  w.heading('Scores');
  for (const score of s.scores) w.paragraph(scoreLine(score));

  w.heading('Medicines');
  w.table({
    columns: [
      { header: 'Medicine', weight: 2 },
      { header: 'Dose now', weight: 2 },
      { header: 'Adherence (self-reported)', weight: 4 },
      { header: 'Dose changes', weight: 4 },
    ],
    rows: s.medications.map((m) => [
      m.name,
      m.dose ?? 'stopped or paused',
      adherenceWords(m),
      m.changes.map((c) => `${c.day}: ${c.summary}${c.reason ? ` (${c.reason})` : ''}`).join('\n') || 'none',
    ]),
    empty: 'No medicines in this time.',
  });

  w.heading('Side effects');
  w.table({
    columns: [
      { header: 'Day', weight: 2 },
      { header: 'Report', weight: 4 },
      { header: 'Answer', weight: 4 },
    ],
    rows: s.sideEffects.map((r) => [
      r.day,
      `${r.severity}: ${r.symptoms.join(', ')}${r.medicationName ? ` (${r.medicationName})` : ''}`,
      r.answers.map((a) => `${answerKindWords[a.kind] ?? a.kind}${a.note ? `: ${a.note}` : ''}`).join('\n') ||
        'not answered yet',
    ]),
    empty: 'No side-effect reports.',
  });

  w.heading('Practice done');
  w.table({
    columns: [
      { header: 'Practice', weight: 4 },
      { header: 'Entries', weight: 1, align: 'right' },
      { header: 'Last', weight: 2 },
    ],
    rows: s.practice.map((p) => [p.label, String(p.done), p.lastDay]),
    empty: 'No practice entries shared with you.',
  });

  w.heading('Feedback');
  w.table({
    columns: [
      { header: 'Day', weight: 2 },
      { header: 'Feedback', weight: 6 },
    ],
    rows: [
      ...s.feedback.sessionRatings.map((r) => [
        r.day,
        `Session: goals ${String(r.goalsRating)}/10, felt heard ${String(r.heardRating)}/10`,
      ]),
      ...s.feedback.whatHelps.map((h) => [
        h.day,
        `What helps: ${h.parts.map((p) => `${p.label} ${p.score === null ? 'not rated' : String(p.score)}`).join(', ')}`,
      ]),
    ],
    empty: 'No feedback in this time.',
  });

  w.heading('Open alerts');
  w.table({
    columns: [
      { header: 'Raised', weight: 2 },
      { header: 'Alert', weight: 6 },
      { header: 'State', weight: 2 },
    ],
    rows: s.openAlerts.map((a) => [a.day, `${a.title} (${a.severity})`, a.state]),
    empty: 'No open alerts.',
  });

  w.heading(`What the ${s.otherClinician.role} did`);
  w.table({
    columns: [
      { header: 'Day', weight: 2 },
      { header: 'What', weight: 8 },
    ],
    rows: s.otherClinician.entries.map((e) => [e.day, e.what]),
    empty: 'Nothing recorded in this time.',
  });
}
