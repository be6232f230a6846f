import { mm, winAnsiSafe, wrapWords, type PdfWriter } from '../../platform/pdf/index.js';
import type { MedicationData, MedicationLine } from './document-data.js';
import { doseText } from './words.js';

/** The wallet card: ISO/IEC 7810 ID-1, the size of a payment card (85.6 x 54 mm). */
export const WALLET_CARD = { width: mm(85.6), height: mm(54) };

export function doseWords(m: MedicationLine): string {
  if (!m.dose) return 'No dose recorded';
  const dose = doseText(m.dose.amount, m.dose.unit);
  return m.dose.paused ? `${dose} (paused)` : dose;
}

export function medicationTable(w: PdfWriter, lines: readonly MedicationLine[], empty: string): void {
  w.table({
    columns: [
      { header: 'Medicine', weight: 2.2 },
      { header: 'Dose', weight: 1.2 },
      { header: 'When', weight: 2 },
      { header: 'Instructions', weight: 2.2 },
      { header: 'Prescriber', weight: 1.6 },
      { header: 'Since', weight: 1.3 },
    ],
    rows: lines.map((m) => [
      `${m.name} (${m.form}, ${m.route})`,
      doseWords(m),
      m.dose?.schedule ?? '',
      m.instructions,
      m.prescriber,
      m.startDate + (m.endDate ? ` to ${m.endDate}` : ''),
    ]),
    empty,
  });
}

export function allergyTable(w: PdfWriter, data: MedicationData): void {
  w.table({
    columns: [
      { header: 'Allergy to', weight: 2 },
      { header: 'Reaction', weight: 3 },
      { header: 'Severity', weight: 1.2 },
      { header: 'Status', weight: 2 },
    ],
    rows: data.allergies.map((a) => [
      a.substance,
      a.reaction ?? '',
      a.severity ?? '',
      a.confirmed ? 'Confirmed' : 'Told by the patient, not yet confirmed',
    ]),
    empty: 'No allergies recorded.',
  });
}

/** The medication list: the A4/Letter page, then the wallet card(s) on a page of their own. */
export function drawMedicationList(
  w: PdfWriter,
  data: MedicationData,
  card: { patientName: string; birthDate: string; clinicName: string; day: string },
): void {
  w.heading('Current medicines');
  medicationTable(w, data.current, 'No current medicines recorded.');
  w.heading('Allergies');
  allergyTable(w, data);
  w.paragraph(
    'Keep this list with you and show it to any doctor, pharmacist or hospital. Times are in your own time zone. ' +
      'Duet records what was prescribed; it does not send prescriptions to pharmacies.',
    { size: 9, colour: '#333' },
  );
  drawWalletCards(w, data, card);
}

/** Lines of the card's text: every current medicine and allergy (nothing is left out: more cards follow). */
export function walletCardLines(data: MedicationData): string[] {
  const meds = data.current.map((m) => `${m.name} ${doseWords(m)}${m.dose ? ` - ${m.dose.schedule}` : ''}`);
  const allergies = data.allergies.map(
    (a) =>
      `${a.substance}${a.reaction ? ` (${a.reaction})` : ''}${a.confirmed ? '' : ' - not yet confirmed'}`,
  );
  return [
    'Medicines:',
    ...(meds.length ? meds : ['none recorded']),
    'Allergies:',
    ...(allergies.length ? allergies : ['none recorded']),
  ];
}

function drawWalletCards(
  w: PdfWriter,
  data: MedicationData,
  card: { patientName: string; birthDate: string; clinicName: string; day: string },
): void {
  const doc = w.doc;
  w.newPage();
  w.heading('Wallet card');
  w.paragraph(
    'Cut along the dashed lines and fold nothing: the card is the size of a payment card (85.6 x 54 mm).',
    {
      size: 9,
      colour: '#333',
    },
  );
  const pad = 6;
  const lineHeight = 7.4;
  const titleSpace = 24;
  const perCard = Math.floor((WALLET_CARD.height - 2 * pad - titleSpace - 8) / lineHeight);
  doc.font('Helvetica').fontSize(6.5);
  const lines = walletCardLines(data).flatMap((line) =>
    wrapWords(winAnsiSafe(line), WALLET_CARD.width - 2 * pad, (t) => doc.widthOfString(t)),
  );
  const cards: string[][] = [];
  for (let i = 0; i < lines.length; i += perCard) cards.push(lines.slice(i, i + perCard));
  let y = doc.y + 10;
  cards.forEach((cardLines, index) => {
    if (y + WALLET_CARD.height + 20 > w.bottom) {
      w.newPage();
      y = doc.y + 10;
    }
    const x = w.left + (w.width - WALLET_CARD.width) / 2;
    doc.save();
    doc.lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#555');
    // Cut lines run past the card's edges to the margins, so the card can be cut with a ruler.
    for (const yy of [y, y + WALLET_CARD.height])
      doc
        .moveTo(w.left, yy)
        .lineTo(w.left + w.width, yy)
        .stroke();
    for (const xx of [x, x + WALLET_CARD.width])
      doc
        .moveTo(xx, y - 12)
        .lineTo(xx, y + WALLET_CARD.height + 12)
        .stroke();
    doc.undash().restore();
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor('#000')
      .text(winAnsiSafe(card.patientName), x + pad, y + pad, {
        width: WALLET_CARD.width - 2 * pad,
        lineBreak: false,
      });
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .text(winAnsiSafe(`Born ${card.birthDate} - ${card.clinicName} - ${card.day}`), x + pad, y + pad + 10, {
        width: WALLET_CARD.width - 2 * pad,
        lineBreak: false,
      });
    cardLines.forEach((line, i) => {
      const heading = line === 'Medicines:' || line === 'Allergies:';
      doc
        .font(heading ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(6.5)
        .text(line, x + pad, y + pad + titleSpace + i * lineHeight, { lineBreak: false });
    });
    doc
      .font('Helvetica')
      .fontSize(5.5)
      .fillColor('#333')
      .text(
        `card ${String(index + 1)} of ${String(cards.length)}`,
        x + pad,
        y + WALLET_CARD.height - pad - 6,
        {
          width: WALLET_CARD.width - 2 * pad,
          align: 'right',
          lineBreak: false,
        },
      );
    y += WALLET_CARD.height + 30;
  });
  doc.y = y;
  doc.x = w.left;
}
