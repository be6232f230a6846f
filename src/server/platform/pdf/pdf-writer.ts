import type PDFDocument from 'pdfkit';
import { chartGeometry, columnWidths, paginateRows, winAnsiSafe, type ChartSpec } from './layout.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface TableColumn {
  header: string;
  /** Relative width (columns share the text width by weight). */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Shown in place of the table when there are no rows (never an empty grid without a word). */
  empty: string;
  fontSize?: number;
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const PAD = 3;

/** Colours of the simple charts: series lines, then the bands from best to worst. */
const seriesColours = ['#1c4e80', '#b03a2e', '#1e7b4f'];

/**
 * Drawing helpers on one pdfkit document: headings, paragraphs, label/value lines, tables that wrap and
 * break across pages with their header repeated, and line charts with bands. All text goes through
 * `winAnsiSafe` (the standard fonts' repertoire). The header and footer are drawn by renderPdf.
 */
export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  /** The lowest y the body may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get spaceLeft(): number {
    return this.bottom - this.doc.y;
  }

  /** A new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.spaceLeft < height) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 15 : 12;
    // Keep a heading with the start of what follows it (never alone at the foot of a page).
    this.ensureSpace(size * 3 + 40);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(0.6);
    this.doc
      .font(BOLD)
      .fontSize(size)
      .fillColor('#000')
      .text(winAnsiSafe(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; colour?: string } = {}): void {
    const size = options.size ?? 10;
    this.doc
      .font(options.bold ? BOLD : FONT)
      .fontSize(size)
      .fillColor(options.colour ?? '#000');
    const safe = winAnsiSafe(text);
    this.ensureSpace(Math.min(this.doc.heightOfString(safe, { width: this.width }), size * 3));
    this.doc.text(safe, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** Label: value lines (labels bold in a narrow column). */
  fields(pairs: readonly (readonly [string, string])[]): void {
    const labelWidth = Math.min(150, this.width * 0.3);
    this.doc.fontSize(10);
    for (const [label, value] of pairs) {
      const safeValue = winAnsiSafe(value);
      const height = Math.max(
        this.doc.font(FONT).heightOfString(safeValue, { width: this.width - labelWidth }),
        this.doc.font(BOLD).heightOfString(winAnsiSafe(label), { width: labelWidth - 6 }),
      );
      this.ensureSpace(height);
      const y = this.doc.y;
      this.doc.font(BOLD).text(winAnsiSafe(label), this.left, y, { width: labelWidth - 6 });
      this.doc.font(FONT).text(safeValue, this.left + labelWidth, y, { width: this.width - labelWidth });
      this.doc.y = y + height + 2;
    }
    this.doc.x = this.left;
  }

  /** A table whose cells wrap; rows never split; the header row repeats on every page it spans. */
  table(spec: TableSpec): void {
    const size = spec.fontSize ?? 9;
    if (spec.rows.length === 0) {
      this.paragraph(spec.empty, { colour: '#444' });
      return;
    }
    const widths = columnWidths(
      spec.columns.map((c) => c.weight),
      this.width,
    );
    const headers = spec.columns.map((c) => winAnsiSafe(c.header));
    const rows = spec.rows.map((r) => spec.columns.map((_, i) => winAnsiSafe(r[i] ?? '')));
    const measure = (cells: readonly string[], font: string) =>
      Math.max(
        ...cells.map(
          (cell, i) =>
            this.doc
              .font(font)
              .fontSize(size)
              .heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PAD }) +
            2 * PAD,
        ),
      );
    const headerHeight = measure(headers, BOLD);
    const heights = rows.map((r) => measure(r, FONT));
    const pageSpace = this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom;
    const pages = paginateRows(heights, headerHeight, this.spaceLeft, pageSpace);
    pages.forEach((indexes, p) => {
      if (p > 0) this.newPage();
      if (indexes.length === 0) return;
      this.drawRow(headers, widths, headerHeight, size, spec.columns, true);
      for (const i of indexes)
        this.drawRow(rows[i] ?? [], widths, heights[i] ?? 0, size, spec.columns, false);
    });
    this.doc.x = this.left;
    this.doc.moveDown(0.5);
  }

  private drawRow(
    cells: readonly string[],
    widths: readonly number[],
    height: number,
    size: number,
    columns: readonly TableColumn[],
    header: boolean,
  ): void {
    const y = this.doc.y;
    if (header) this.doc.rect(this.left, y, this.width, height).fill('#e8edf2');
    let x = this.left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      this.doc
        .font(header ? BOLD : FONT)
        .fontSize(size)
        .fillColor('#000')
        .text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, align: columns[i]?.align ?? 'left' });
      x += w;
    });
    this.doc
      .moveTo(this.left, y + height)
      .lineTo(this.left + this.width, y + height)
      .lineWidth(0.5)
      .strokeColor('#9aa5b1')
      .stroke();
    this.doc.y = y + height;
  }

  /**
   * A line chart with shaded bands and reference lines, then its legend. `caption` says what it shows
   * (the table that follows it in the documents is its text alternative).
   */
  lineChart(
    spec: ChartSpec,
    options: { height: number; caption: string; xLabels?: readonly string[] },
  ): void {
    const total = options.height + 40;
    this.ensureSpace(total);
    const top = this.doc.y + 4;
    const box = { x: this.left + 28, y: top, width: this.width - 28 - 110, height: options.height };
    const g = chartGeometry(spec, box);
    const bandColours = ['#eaf5ea', '#f7f7e1', '#fbefd9', '#f9e0d0', '#f6d3d3'];
    g.bands.forEach((b, i) => {
      this.doc.rect(box.x, b.y, box.width, b.height).fill(bandColours[i % bandColours.length] ?? '#eee');
      this.doc
        .font(FONT)
        .fontSize(7)
        .fillColor('#333')
        .text(winAnsiSafe(b.label), box.x + box.width + 4, b.labelY - 4, { width: 106, lineBreak: false });
    });
    this.doc.lineWidth(0.5).strokeColor('#555').rect(box.x, box.y, box.width, box.height).stroke();
    for (const t of g.yTicks) {
      this.doc
        .font(FONT)
        .fontSize(7)
        .fillColor('#333')
        .text(String(t.value), this.left, t.y - 3, { width: 24, align: 'right', lineBreak: false });
    }
    for (const l of g.lines) {
      this.doc
        .moveTo(box.x, l.y)
        .lineTo(box.x + box.width, l.y)
        .dash(3, { space: 2 })
        .strokeColor('#555')
        .stroke()
        .undash();
    }
    g.series.forEach((s, i) => {
      const colour = seriesColours[i % seriesColours.length] ?? '#000';
      const [first, ...rest] = s.points;
      if (!first) return;
      this.doc.lineWidth(1.5).strokeColor(colour).moveTo(first.x, first.y);
      for (const p of rest) this.doc.lineTo(p.x, p.y);
      if (rest.length > 0) this.doc.stroke();
      for (const p of s.points) this.doc.circle(p.x, p.y, 2).fill(colour);
    });
    if (options.xLabels && options.xLabels.length > 0) {
      const [start, end] = [options.xLabels[0], options.xLabels[options.xLabels.length - 1]];
      this.doc.font(FONT).fontSize(7).fillColor('#333');
      this.doc.text(start ?? '', box.x, box.y + box.height + 2, { lineBreak: false });
      this.doc.text(end ?? '', box.x + box.width - 60, box.y + box.height + 2, {
        width: 60,
        align: 'right',
        lineBreak: false,
      });
    }
    let legendX = box.x;
    const legendY = box.y + box.height + 14;
    g.series.forEach((s, i) => {
      const colour = seriesColours[i % seriesColours.length] ?? '#000';
      this.doc.rect(legendX, legendY + 2, 10, 3).fill(colour);
      this.doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#000')
        .text(winAnsiSafe(s.label), legendX + 14, legendY, { lineBreak: false });
      legendX += 14 + this.doc.widthOfString(winAnsiSafe(s.label)) + 16;
    });
    for (const l of g.lines) {
      this.doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#000')
        .text(winAnsiSafe(`- - ${l.label}`), legendX, legendY, { lineBreak: false });
      legendX += this.doc.widthOfString(winAnsiSafe(`- - ${l.label}`)) + 16;
    }
    this.doc.fillColor('#000');
    this.doc.y = legendY + 14;
    this.paragraph(options.caption, { size: 8, colour: '#333' });
  }
}
