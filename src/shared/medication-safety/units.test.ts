import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toMilligrams } from './units.js';

describe('dose units (§1: same quantity or refused)', () => {
  it.each([
    [1, 'g', 1000],
    [0.5, 'g', 500],
    [0.1, 'G', 100],
    [500, 'mg', 500],
    [12500, 'mcg', 12.5],
    [250, 'µg', 0.25],
    [250, 'ug', 0.25],
    [3, 'micrograms', 0.003],
  ])('%s %s = %s mg', (amount, unit, mg) => {
    expect(toMilligrams(amount, unit)).toEqual({ ok: true, mg });
  });
  it.each(['mL', 'ml', 'tablet', 'tablets', 'drops', 'units', 'puffs'])(
    '%s is refused with a clear message',
    (unit) => {
      const r = toMilligrams(5, unit);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`"${unit}"`);
    },
  );
  it('g and mcg are the same quantity as mg × 1000 / ÷ 1000 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 100, noNaN: true }), (g) => {
        const inG = toMilligrams(g, 'g');
        const inMg = toMilligrams(g * 1000, 'mg');
        const inMcg = toMilligrams(g * 1_000_000, 'mcg');
        if (!inG.ok || !inMg.ok || !inMcg.ok) throw new Error('refused');
        expect(Math.abs(inG.mg - inMg.mg)).toBeLessThanOrEqual(inMg.mg * 1e-9);
        expect(Math.abs(inMcg.mg - inMg.mg)).toBeLessThanOrEqual(inMg.mg * 1e-9);
      }),
    );
  });
  it('never clamps: conversion is monotonic and keeps the amount (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e5, noNaN: true }),
        fc.double({ min: 0.001, max: 1e5, noNaN: true }),
        (a, b) => {
          const x = toMilligrams(a, 'mg');
          const y = toMilligrams(b, 'mg');
          if (!x.ok || !y.ok) throw new Error('refused');
          expect(Math.abs(x.mg - a)).toBeLessThanOrEqual(a * 1e-9);
          if (a < b) expect(x.mg).toBeLessThanOrEqual(y.mg);
        },
      ),
    );
  });
  it('refuses 0, negatives and non-numbers', () => {
    for (const n of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(toMilligrams(n, 'mg').ok).toBe(false);
  });
});
