import { describe, expect, it } from 'vitest';
import { instrumentById, instrumentList } from './instruments.js';
import { scoreAnswers, severityOf, invalidAnswers } from './scoring.js';

const phq9 = instrumentById('phq9');
const gad7 = instrumentById('gad7');

describe('scoreAnswers', () => {
  it.each([
    { name: 'all zero', items: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, band: 'minimal', item9: 0 },
    { name: 'max', items: [3, 3, 3, 3, 3, 3, 3, 3, 3], total: 27, band: 'severe', item9: 3 },
    { name: 'band edge 4', items: [1, 1, 1, 1, 0, 0, 0, 0, 0], total: 4, band: 'minimal', item9: 0 },
    { name: 'band edge 5', items: [1, 1, 1, 1, 1, 0, 0, 0, 0], total: 5, band: 'mild', item9: 0 },
    { name: 'band edge 10', items: [2, 2, 2, 2, 2, 0, 0, 0, 0], total: 10, band: 'moderate', item9: 0 },
    {
      name: 'band edge 15',
      items: [3, 3, 3, 3, 3, 0, 0, 0, 0],
      total: 15,
      band: 'moderately_severe',
      item9: 0,
    },
    { name: 'band edge 20', items: [3, 3, 3, 3, 3, 3, 2, 0, 0], total: 20, band: 'severe', item9: 0 },
    { name: 'item 9 low total', items: [1, 1, 0, 0, 0, 0, 0, 0, 1], total: 3, band: 'minimal', item9: 1 },
  ])('PHQ-9 $name', ({ items, total, band, item9 }) => {
    const s = scoreAnswers(phq9, { items });
    expect(s.total).toBe(total);
    expect(s.severity?.code).toBe(band);
    expect(s.safetyItem).toBe(item9);
    expect(s.missingItems).toEqual([]);
    expect(s.incompleteReason).toBeNull();
  });

  it.each([
    { name: 'one null', items: [1, 1, null, 1, 1, 1, 1, 1, 0], missing: [3] },
    { name: 'short array', items: [1, 1, 1, 1, 1, 1, 1], missing: [8, 9] },
    { name: 'empty', items: [], missing: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  ])('PHQ-9 with a missing item has no total ($name) and says so', ({ items, missing }) => {
    const s = scoreAnswers(phq9, { items });
    expect(s.total).toBeNull();
    expect(s.severity).toBeNull();
    expect(s.missingItems).toEqual(missing);
    expect(s.incompleteReason).toMatch(/^No total: items? /);
  });

  it('keeps the safety item when other items are missing', () => {
    expect(
      scoreAnswers(phq9, { items: [null, null, null, null, null, null, null, null, 2] }).safetyItem,
    ).toBe(2);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('GAD-7 total %i is %s', (total, band) => {
    expect(severityOf(gad7, total)?.code).toBe(band);
  });

  it('GAD-7 has no safety item', () => {
    expect(scoreAnswers(gad7, { items: [3, 3, 3, 3, 3, 3, 3] })).toMatchObject({
      total: 21,
      safetyItem: null,
    });
  });

  it('rejects values outside the options', () => {
    expect(invalidAnswers(phq9, { items: [4, 0, 0, 0, 0, 0, 0, 0, 0] })).toHaveLength(1);
    expect(invalidAnswers(phq9, { items: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] })).toHaveLength(1);
    expect(invalidAnswers(gad7, { items: [0], functional: 1 })).toHaveLength(1);
    expect(invalidAnswers(phq9, { items: [0], functional: 3 })).toEqual([]);
  });
});

describe('instrument data', () => {
  it('bands cover every total exactly once', () => {
    for (const inst of instrumentList) {
      for (let t = 0; t <= inst.maxTotal; t++) {
        expect(inst.severityBands.filter((b) => t >= b.min && t <= b.max)).toHaveLength(1);
      }
      expect(inst.maxTotal).toBe(inst.items.length * Math.max(...inst.options.map((o) => o.value)));
    }
  });

  it('uses the LOINC codes of instruments.md (GAD-7 items 6 and 7 not swapped)', () => {
    expect(gad7.items[5]?.loinc).toBe('69689-8');
    expect(gad7.items[6]?.loinc).toBe('69736-7');
    expect(phq9.items[8]?.loinc).toBe('44260-8');
    expect([phq9.panelLoinc, phq9.totalLoinc, gad7.panelLoinc, gad7.totalLoinc]).toEqual([
      '44249-1',
      '44261-6',
      '69737-5',
      '70274-6',
    ]);
  });
});
