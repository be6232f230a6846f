import { describe, expect, it } from 'vitest';
import { instrumentById } from './instruments.js';
import { interpret } from './interpretation.js';

const phq9 = instrumentById('phq9');
const gad7 = instrumentById('gad7');

describe('interpret PHQ-9', () => {
  it.each([
    // total, baseline, points, percent, response, partial, remission, reliableImp, reliableDet
    { t: 10, b: 20, pts: -10, pct: -50, resp: true, part: false, rem: false, imp: true, det: false },
    { t: 11, b: 20, pts: -9, pct: -45, resp: false, part: true, rem: false, imp: true, det: false },
    { t: 15, b: 20, pts: -5, pct: -25, resp: false, part: true, rem: false, imp: false, det: false },
    { t: 16, b: 20, pts: -4, pct: -20, resp: false, part: false, rem: false, imp: false, det: false },
    { t: 14, b: 20, pts: -6, pct: -30, resp: false, part: true, rem: false, imp: true, det: false },
    { t: 4, b: 18, pts: -14, pct: -77.8, resp: true, part: false, rem: true, imp: true, det: false },
    { t: 5, b: 18, pts: -13, pct: -72.2, resp: true, part: false, rem: false, imp: true, det: false },
    { t: 16, b: 10, pts: 6, pct: 60, resp: false, part: false, rem: false, imp: false, det: true },
    { t: 15, b: 10, pts: 5, pct: 50, resp: false, part: false, rem: false, imp: false, det: false },
    { t: 3, b: 0, pts: 3, pct: null, resp: false, part: false, rem: true, imp: false, det: false },
    { t: 0, b: 0, pts: 0, pct: null, resp: false, part: false, rem: true, imp: false, det: false },
    { t: 7, b: 0, pts: 7, pct: null, resp: false, part: false, rem: false, imp: false, det: true },
    { t: 20, b: 20, pts: 0, pct: 0, resp: false, part: false, rem: false, imp: false, det: false },
  ])('total $t from baseline $b', ({ t, b, pts, pct, resp, part, rem, imp, det }) => {
    expect(interpret(phq9, t, b)).toEqual({
      baselineTotal: b,
      changePoints: pts,
      changePercent: pct,
      response: resp,
      partialResponse: part,
      remission: rem,
      reliableImprovement: imp,
      reliableDeterioration: det,
    });
  });

  it('exactly 50% with an odd baseline needs the exact fall (9 -> 4.5 is not reachable: 5 is 44%)', () => {
    expect(interpret(phq9, 5, 9)).toMatchObject({ response: false, partialResponse: true });
    expect(interpret(phq9, 4, 9)).toMatchObject({ response: true, remission: true });
  });

  it('no total (missing item): no change, nothing reached', () => {
    expect(interpret(phq9, null, 20)).toEqual({
      baselineTotal: 20,
      changePoints: null,
      changePercent: null,
      response: false,
      partialResponse: false,
      remission: false,
      reliableImprovement: false,
      reliableDeterioration: false,
    });
  });

  it('no baseline: only remission can be read', () => {
    expect(interpret(phq9, 3, null)).toMatchObject({
      baselineTotal: null,
      changePoints: null,
      remission: true,
    });
  });
});

describe('interpret GAD-7', () => {
  it.each([
    { t: 8, b: 12, imp: true, det: false, resp: false },
    { t: 9, b: 12, imp: false, det: false, resp: false },
    { t: 16, b: 12, imp: false, det: true, resp: false },
    { t: 6, b: 12, imp: true, det: false, resp: true },
  ])('total $t from baseline $b: 4-point reliable change', ({ t, b, imp, det, resp }) => {
    expect(interpret(gad7, t, b)).toMatchObject({
      reliableImprovement: imp,
      reliableDeterioration: det,
      response: resp,
    });
  });

  it('has no remission threshold in the clinical files', () => {
    expect(interpret(gad7, 0, 15).remission).toBe(false);
  });
});
