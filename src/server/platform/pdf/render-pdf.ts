import type PDFDocument from 'pdfkit';
import { localDateTime } from '../../../shared/time/index.js';
import { winAnsiSafe } from './layout.js';
import { paperSizes, type Paper } from './paper.js';
import { PdfWriter } from './pdf-writer.js';

/** What every Duet PDF carries on each page: whose record, which clinic, when it was made. */
export interface PdfMeta {
  /** The document's name (title line and the PDF's Title). */
  title: string;
  clinicName: string;
  /** Whose record; null for a clinic report (issue 15's monthly minutes), whose header names the clinic. */
  patient: { name: string; birthDate: string } | null;
  /** When it was generated (epoch ms, from deps.clock), shown in `zone`. */
  generatedAt: number;
  zone: string;
  paper: Paper;
}

const MARGIN = 50;
const HEADER_TOP = 22;
const FOOTER_GAP = 30;

/** "2026-12-07 09:30 (Europe/Berlin)": the generation time in the patient's zone, with the zone named. */
export function generatedLine(meta: Pick<PdfMeta, 'generatedAt' | 'zone'>): string {
  const at = localDateTime(meta.generatedAt, meta.zone);
  return `Generated ${at.date} ${at.time} (${meta.zone})`;
}

/** The footer every page carries. */
export function footerLine(clinicName: string, page: number, pages: number): string {
  return `Confidential — ${clinicName} — page ${page} of ${pages}`;
}

/**
 * Renders one PDF with pdfkit (standard Helvetica, nothing fetched): `build` draws the body through the
 * PdfWriter; then every page gets the header (patient's name and date of birth, title, generation time)
 * and the footer ("Confidential — <clinic> — page n of m"). Resolves with the file's bytes.
 */
export async function renderPdf(
  meta: PdfMeta,
  build: (writer: PdfWriter) => void | Promise<void>,
): Promise<Buffer> {
  // Loaded at the first PDF, not with the server: pdfkit unpacks its font tables when imported (issue 19, start).
  const { default: PdfKitDocument } = await import('pdfkit');
  const size = paperSizes[meta.paper];
  const created = new Date(meta.generatedAt);
  const doc = new PdfKitDocument({
    size: [size.width, size.height],
    margins: { top: MARGIN + 16, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: winAnsiSafe(meta.title),
      Author: winAnsiSafe(meta.clinicName),
      Producer: 'Duet',
      Creator: 'Duet',
      CreationDate: created,
      ModDate: created,
    },
    lang: 'en',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  doc.font('Helvetica');
  const writer = new PdfWriter(doc);
  writer.paragraph(meta.title, { size: 17, bold: true });
  try {
    await build(writer);
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  drawFrames(doc, meta);
  doc.end();
  return done;
}

function drawFrames(doc: InstanceType<typeof PDFDocument>, meta: PdfMeta): void {
  const range = doc.bufferedPageRange();
  const left = winAnsiSafe(
    meta.patient ? `${meta.patient.name} — born ${meta.patient.birthDate}` : meta.clinicName,
  );
  const right = winAnsiSafe(generatedLine(meta));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottomMargin = margins.bottom;
    // Text outside the body area would make pdfkit start a new page: open the margin while drawing.
    margins.bottom = 0;
    const inner = width - 2 * MARGIN;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#000');
    doc.text(left, MARGIN, HEADER_TOP, { width: inner * 0.55, lineBreak: false, ellipsis: true });
    doc.font('Helvetica').fontSize(8).fillColor('#333');
    doc.text(right, MARGIN + inner * 0.55, HEADER_TOP + 1, {
      width: inner * 0.45,
      align: 'right',
      lineBreak: false,
    });
    doc
      .moveTo(MARGIN, HEADER_TOP + 14)
      .lineTo(width - MARGIN, HEADER_TOP + 14)
      .lineWidth(0.5)
      .strokeColor('#9aa5b1')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#333')
      .text(
        winAnsiSafe(footerLine(meta.clinicName, i - range.start + 1, range.count)),
        MARGIN,
        height - FOOTER_GAP,
        {
          width: inner,
          align: 'center',
          lineBreak: false,
        },
      );
    margins.bottom = bottomMargin;
  }
}
