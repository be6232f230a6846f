/**
 * Pure layout arithmetic for PDFs (no pdfkit, no I/O): where table rows break across pages, how wide
 * columns are, and where a chart's lines and bands fall. Tested on its own (layout.test.ts).
 */

/**
 * Splits table rows into pages. `rowHeights` are the measured heights of each row; every page repeats the
 * header (`headerHeight`). The first page has `firstSpace` points left, the next ones `pageSpace`. A row
 * taller than a whole page still gets a page of its own (it is never dropped or cut silently: the drawing
 * lets it run to the page end). Returns the row indexes of each page, in order; no page is empty.
 */
export function paginateRows(
  rowHeights: readonly number[],
  headerHeight: number,
  firstSpace: number,
  pageSpace: number,
): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let space = firstSpace - headerHeight;
  // A first page too short even for the header and one row starts the table on the next page.
  if (rowHeights.length > 0 && space < (rowHeights[0] ?? 0) && firstSpace < pageSpace) {
    pages.push([]);
    space = pageSpace - headerHeight;
  }
  rowHeights.forEach((height, index) => {
    if (height > space && current.length > 0) {
      pages.push(current);
      current = [];
      space = pageSpace - headerHeight;
    }
    current.push(index);
    space -= height;
  });
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * Column widths from relative weights, filling `total` exactly (the last column takes the rounding).
 * A weight must be above 0.
 */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0 || weights.some((w) => w <= 0)) {
    throw new Error('Column weights must be positive');
  }
  const widths = weights.map((w) => Math.floor((w / sum) * total * 100) / 100);
  const used = widths.slice(0, -1).reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = Math.round((total - used) * 100) / 100;
  return widths;
}

/** A linear scale from a domain [d0, d1] onto a range [r0, r1]; a zero-width domain maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartBand {
  from: number;
  /** Exclusive upper edge in the value axis (e.g. 5 for "0-4"). */
  to: number;
  label: string;
}

export interface ChartSeries {
  label: string;
  /** x is a day number (or any increasing number), y the value. */
  points: readonly { x: number; y: number }[];
}

export interface ChartSpec {
  yMin: number;
  yMax: number;
  /** The x domain; when absent, the points' own extent. */
  xMin?: number;
  xMax?: number;
  bands?: readonly ChartBand[];
  series: readonly ChartSeries[];
  /** Horizontal reference lines (e.g. "remission below 5"). */
  lines?: readonly { y: number; label: string }[];
}

export interface ChartGeometry {
  bands: { y: number; height: number; label: string; labelY: number }[];
  series: { label: string; points: { x: number; y: number }[] }[];
  lines: { y: number; label: string }[];
  yTicks: { y: number; value: number }[];
}

/**
 * Where everything of a line chart falls inside `box` (PDF coordinates: y grows downward). Values outside
 * [yMin, yMax] are not clamped: the caller chooses the axis to hold every value (a test checks it).
 */
export function chartGeometry(spec: ChartSpec, box: ChartBox): ChartGeometry {
  const xs = spec.series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = spec.xMin ?? (xs.length ? Math.min(...xs) : 0);
  const xMax = spec.xMax ?? (xs.length ? Math.max(...xs) : 1);
  const sx = linearScale(xMin, xMax, box.x, box.x + box.width);
  const sy = linearScale(spec.yMin, spec.yMax, box.y + box.height, box.y);
  const bands = (spec.bands ?? []).map((b) => {
    const top = sy(Math.min(b.to, spec.yMax));
    const bottom = sy(Math.max(b.from, spec.yMin));
    return { y: top, height: bottom - top, label: b.label, labelY: (top + bottom) / 2 };
  });
  const step = niceStep(spec.yMax - spec.yMin);
  const yTicks: { y: number; value: number }[] = [];
  for (let v = Math.ceil(spec.yMin / step) * step; v <= spec.yMax; v += step) {
    yTicks.push({ y: sy(v), value: v });
  }
  return {
    bands,
    series: spec.series.map((s) => ({
      label: s.label,
      points: [...s.points].sort((a, b) => a.x - b.x).map((p) => ({ x: sx(p.x), y: sy(p.y) })),
    })),
    lines: (spec.lines ?? []).map((l) => ({ y: sy(l.y), label: l.label })),
    yTicks,
  };
}

/** A tick step of 1, 2 or 5 times a power of ten giving about six ticks. */
export function niceStep(span: number): number {
  if (span <= 0) return 1;
  const raw = span / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** Characters the standard PDF fonts cannot show, with the words printed instead. */
const spelled: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '−': '-', '✓': 'yes' };

/**
 * Text in the Windows-1252 (WinAnsi) repertoire of the standard PDF fonts (Helvetica): the few symbols
 * Duet's own words use are spelled out; any other character outside it prints as "?" so a name in
 * another script is visibly unprintable rather than garbled (the on-screen record and the JSON keep it).
 */
export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (spelled[ch] !== undefined) out += spelled[ch];
    else if (code === 9 || code === 10 || (code >= 32 && code < 127) || (code >= 160 && code <= 255))
      out += ch;
    else if (winAnsiExtras.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

/** The characters WinAnsi holds at 0x80-0x9F (quotes, dashes, euro, bullet...). */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Splits text into lines no wider than `width` at spaces (a single word wider than the line is split by
 * characters), so a fixed-size box such as a wallet card shows every word rather than cutting it off.
 */
export function wrapWords(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (measure(rest) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
