import { describe, expect, it } from 'vitest';
import { pdfPages } from './pdf-text.test-kit.js';
import { footerLine, renderPdf } from './render-pdf.js';

const meta = {
  title: 'Test document',
  clinicName: 'Riverside Clinic',
  patient: { name: 'Sam Rivera', birthDate: '1990-04-02' },
  generatedAt: Date.UTC(2026, 11, 7, 8, 30),
  zone: 'Europe/Berlin',
  paper: 'A4' as const,
};

describe('renderPdf', () => {
  it('puts the header and the confidential footer with page n of m on every page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [
      `row ${i + 1}`,
      'a longer cell that wraps '.repeat(i % 4),
      'x',
    ]);
    const pdf = await renderPdf(meta, (w) => {
      w.heading('Rows');
      w.table({
        columns: [
          { header: 'Name', weight: 1 },
          { header: 'Detail', weight: 3 },
          { header: 'End', weight: 1 },
        ],
        rows,
        empty: 'None',
      });
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain('Sam Rivera — born 1990-04-02');
      expect(text).toContain('Generated 2026-12-07 09:30 (Europe/Berlin)');
      expect(text).toContain(footerLine('Riverside Clinic', i + 1, pages.length));
      expect(text).toContain('Name Detail End'); // the header row repeats
    });
    const all = pages.join(' ');
    for (let i = 1; i <= 90; i++) expect(all).toContain(`row ${i} `);
  });

  it('prints Letter paper and says so when a table is empty', async () => {
    const pdf = await renderPdf({ ...meta, paper: 'Letter' }, (w) => {
      w.table({ columns: [{ header: 'A', weight: 1 }], rows: [], empty: 'No medicines recorded.' });
      w.lineChart(
        {
          yMin: 0,
          yMax: 27,
          bands: [{ from: 0, to: 5, label: 'Minimal 0-4' }],
          series: [
            {
              label: 'PHQ-9',
              points: [
                { x: 0, y: 18 },
                { x: 7, y: 9 },
              ],
            },
          ],
        },
        { height: 120, caption: 'PHQ-9 over time' },
      );
    });
    const text = (await pdfPages(pdf)).join(' ');
    expect(text).toContain('No medicines recorded.');
    expect(text).toContain('Minimal 0-4');
    expect(text).toContain('PHQ-9 over time');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });
});
