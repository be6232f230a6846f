import { describe, expect, it } from 'vitest';
import { measurementSummary } from './measurement-summary.js';

const a = (id: string, day: string, total: number) => ({ id, day, total });

describe('measurementSummary (instruments.md, "Change over time")', () => {
  it.each([
    {
      name: 'response: a fall of exactly 50%',
      answers: [a('1', '2026-01-01', 18), a('2', '2026-02-01', 9)],
      change: -9,
      percent: -50,
      response: true,
      remission: false,
      band: 'Mild',
    },
    {
      name: 'remission: PHQ-9 below 5 after baseline',
      answers: [a('1', '2026-01-01', 16), a('2', '2026-03-01', 4)],
      change: -12,
      percent: -75,
      response: true,
      remission: true,
      band: 'None/minimal',
    },
    {
      name: 'a 49% fall is not a response',
      answers: [a('1', '2026-01-01', 20), a('2', '2026-02-01', 11)],
      change: -9,
      percent: -45,
      response: false,
      remission: false,
      band: 'Moderate',
    },
    {
      name: 'one answer alone: no change, a low baseline is not remission',
      answers: [a('1', '2026-01-01', 3)],
      change: null,
      percent: null,
      response: false,
      remission: false,
      band: 'None/minimal',
    },
  ])('$name', ({ answers, change, percent, response, remission, band }) => {
    const s = measurementSummary('phq9', answers, null);
    expect(s).toMatchObject({
      changePoints: change,
      changePercent: percent,
      response,
      remission,
      latestBand: band,
    });
  });

  it('uses the baseline a clinician chose', () => {
    const s = measurementSummary(
      'phq9',
      [a('1', '2026-01-01', 8), a('2', '2026-01-15', 20), a('3', '2026-03-01', 10)],
      '2',
    );
    expect(s.baseline?.id).toBe('2');
    expect(s).toMatchObject({ changePoints: -10, response: true });
  });

  it('never calls GAD-7 remission (none defined) and says nothing without answers', () => {
    expect(
      measurementSummary('gad7', [a('1', '2026-01-01', 15), a('2', '2026-02-01', 2)], null),
    ).toMatchObject({
      response: true,
      remission: false,
      latestBand: 'Minimal',
    });
    expect(measurementSummary('gad7', [], null)).toMatchObject({ baseline: null, latest: null, count: 0 });
  });
});
