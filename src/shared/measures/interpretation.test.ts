import { describe, expect, it } from 'vitest';
import { instrumentById } from './instruments.js';
import { interpret, relapseFrom } from './interpretation.js';

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

  it('no baseline: nothing can be read, not even remission (issue 12: remission is a change)', () => {
    expect(interpret(phq9, 3, null)).toMatchObject({
      baselineTotal: null,
      changePoints: null,
      remission: false,
    });
  });

  it.each([
    ['the baseline answer itself (3)', 3, 3, true, false],
    ['a follow-up of 3 after a baseline of 3', 3, 3, false, true],
    ['a follow-up of 4 after a baseline of 20', 4, 20, false, true],
    ['a follow-up of 5 after a baseline of 20', 5, 20, false, false],
  ] as const)('remission needs a follow-up after baseline: %s', (_, total, baseline, isBaseline, rem) => {
    expect(interpret(phq9, total, baseline, { isBaseline }).remission).toBe(rem);
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

describe('relapseFrom (issue 12: against the best recent score)', () => {
  it.each([
    [
      'PHQ-9 9 -> 19: up 10 from the best',
      'phq9',
      19,
      [9],
      { kind: 'rise_from_best', fromTotal: 9, risePoints: 10 },
    ],
    [
      'PHQ-9 up exactly 5 from the lowest',
      'phq9',
      17,
      [14, 12, 15],
      { kind: 'rise_from_best', fromTotal: 12, risePoints: 5 },
    ],
    ['PHQ-9 up 4: not a relapse', 'phq9', 16, [12, 14], null],
    [
      'PHQ-9 from remission 4 back to 10',
      'phq9',
      10,
      [4, 8],
      { kind: 'back_from_remission', fromTotal: 4, risePoints: 6 },
    ],
    [
      'PHQ-9 from 4 to 9: up 5, not back to 10',
      'phq9',
      9,
      [4],
      { kind: 'rise_from_best', fromTotal: 4, risePoints: 5 },
    ],
    ['PHQ-9 from 4 to 8: neither', 'phq9', 8, [4], null],
    [
      'GAD-7 up 4 from the best',
      'gad7',
      12,
      [8, 10],
      { kind: 'rise_from_best', fromTotal: 8, risePoints: 4 },
    ],
    ['GAD-7 up 3: not a relapse', 'gad7', 11, [8], null],
    ['no earlier answer in the window', 'phq9', 27, [], null],
    ['no total', 'phq9', null, [3], null],
    ['a fall is never a relapse', 'phq9', 3, [20], null],
  ] as const)('%s', (_, id, total, recent, expected) => {
    expect(relapseFrom(id, total, recent)).toEqual(expected);
  });
});
