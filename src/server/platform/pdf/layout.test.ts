import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartGeometry, columnWidths, niceStep, paginateRows, winAnsiSafe, wrapWords } from './layout.js';
import { paperFor } from './paper.js';

describe('paginateRows', () => {
  it.each([
    { name: 'all on one page', heights: [10, 10, 10], first: 100, page: 100, pages: [[0, 1, 2]] },
    {
      name: 'breaks when the next row does not fit',
      heights: [40, 40, 40],
      first: 100,
      page: 100,
      pages: [[0, 1], [2]],
    },
    {
      name: 'header repeated on each page counts',
      heights: [45, 50],
      first: 100,
      page: 100,
      pages: [[0], [1]],
    },
    {
      name: 'no room on the first page starts on the next',
      heights: [30],
      first: 20,
      page: 100,
      pages: [[], [0]],
    },
    {
      name: 'a row taller than a page gets its own page',
      heights: [10, 500, 10],
      first: 100,
      page: 100,
      pages: [[0], [1], [2]],
    },
    { name: 'no rows, no pages', heights: [], first: 100, page: 100, pages: [] },
  ])('$name', ({ heights, first, page, pages }) => {
    expect(paginateRows(heights, 10, first, page)).toEqual(pages);
  });

  it('keeps every row exactly once, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 400 }),
        (heights, first) => {
          const pages = paginateRows(heights, 12, first, 400);
          expect(pages.flat()).toEqual(heights.map((_, i) => i));
          // every page but the first holds at least one row; a page over-full only with a single tall row
          pages.forEach((p, i) => {
            if (i > 0) expect(p.length).toBeGreaterThan(0);
            const used = p.reduce((sum, r) => sum + (heights[r] ?? 0), 12);
            if (p.length > 1) expect(used).toBeLessThanOrEqual(i === 0 ? Math.max(first, 400) : 400);
          });
        },
      ),
    );
  });
});

describe('columnWidths', () => {
  it('shares the width by weight and fills it exactly', () => {
    const widths = columnWidths([1, 2, 1], 400);
    expect(widths).toEqual([100, 200, 100]);
    expect(columnWidths([1, 1, 1], 100).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
  });
  it('refuses a zero weight', () => {
    expect(() => columnWidths([1, 0], 100)).toThrow();
  });
});

describe('chartGeometry', () => {
  const box = { x: 10, y: 20, width: 100, height: 27 };
  const spec = {
    yMin: 0,
    yMax: 27,
    bands: [
      { from: 0, to: 5, label: 'minimal' },
      { from: 20, to: 28, label: 'severe' },
    ],
    series: [
      {
        label: 'PHQ-9',
        points: [
          { x: 10, y: 18 },
          { x: 0, y: 27 },
          { x: 5, y: 0 },
        ],
      },
    ],
    lines: [{ y: 5, label: 'remission' }],
  };
  const g = chartGeometry(spec, box);
  it('maps values onto the box with y growing downward', () => {
    expect(g.series[0]?.points).toEqual([
      { x: 10, y: 20 },
      { x: 60, y: 47 },
      { x: 110, y: 29 },
    ]);
  });
  it('draws a band between its edges, cut at the axis top', () => {
    expect(g.bands[0]).toMatchObject({ y: 42, height: 5 });
    expect(g.bands[1]).toMatchObject({ y: 20, height: 7 });
    expect(g.lines[0]?.y).toBe(42);
  });
  it('ticks every 5 on a 0-27 axis', () => {
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceStep(21)).toBe(5);
    expect(niceStep(100)).toBe(20);
  });
});

describe('winAnsiSafe', () => {
  it.each([
    ['Sam Rivera', 'Sam Rivera'],
    ['Zoë Müller-Łukasz', 'Zoë Müller-?ukasz'],
    ['score ≥ 10', 'score >= 10'],
    ['Confidential — page 1', 'Confidential — page 1'],
    ['王芳', '??'],
  ])('%s -> %s', (input, output) => {
    expect(winAnsiSafe(input)).toBe(output);
  });
});

describe('paperFor', () => {
  it.each([
    [undefined, 'US', 'Letter'],
    [undefined, 'ca', 'Letter'],
    [undefined, 'DE', 'A4'],
    [undefined, null, 'A4'],
    ['A4', 'US', 'A4'],
    ['Letter', 'GB', 'Letter'],
  ] as const)('asked %s in %s -> %s', (asked, country, paper) => {
    expect(paperFor(asked, country)).toBe(paper);
  });
});

describe('wrapWords', () => {
  const measure = (t: string) => t.length; // one unit per character
  it.each([
    ['short', 10, ['short']],
    ['Sertraline 100 mg - 08:00 every day', 12, ['Sertraline', '100 mg -', '08:00 every', 'day']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    ['', 5, ['']],
  ] as const)('%s in %d', (text, width, lines) => {
    expect(wrapWords(text, width, measure)).toEqual(lines);
  });
  it('keeps every word (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,15}$/), { maxLength: 20 }),
        fc.integer({ min: 3, max: 40 }),
        (words, width) => {
          const lines = wrapWords(words.join(' '), width, measure);
          expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
