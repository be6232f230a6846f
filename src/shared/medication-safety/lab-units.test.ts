import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyteUnits, findUnit, fromCanonical, toCanonical, type AnalyteCode } from './lab-units.js';
import { bandOf, labRanges, labTiers } from './lab-ranges.js';
import { interpretLabResult, labTestAnalytes } from './labs.js';

const analytes = Object.keys(analyteUnits) as AnalyteCode[];
const unitOf = fc
  .constantFrom(...analytes)
  .chain((a) => fc.record({ analyte: fc.constant(a), unit: fc.constantFrom(...analyteUnits[a].units) }));

describe('lab unit conversion (properties)', () => {
  it('round trip: canonical → unit → canonical returns the value', () => {
    fc.assert(
      fc.property(unitOf, fc.double({ min: 0, max: 1e6, noNaN: true }), ({ unit }, v) => {
        const back = toCanonical(fromCanonical(v, unit), unit);
        expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(v) * 1e-10));
      }),
    );
  });

  it('conversion is monotonic: a larger value never converts smaller', () => {
    fc.assert(
      fc.property(
        unitOf,
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        ({ unit }, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(toCanonical(lo, unit)).toBeLessThanOrEqual(toCanonical(hi, unit));
        },
      ),
    );
  });

  it('interpretation is monotonic in the value: the tier never gets better as the value moves away', () => {
    // Within one range, the bands' tiers along the value axis fall then rise (worst at the ends); a value
    // further from the normal band is never in a milder tier than a value closer to it.
    const rank = (t: string) => labTiers.indexOf(t as (typeof labTiers)[number]);
    fc.assert(
      fc.property(
        fc.constantFrom(...labRanges),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        (range, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const bLo = bandOf(range, lo);
          const bHi = bandOf(range, hi);
          if (bLo.direction === 'high') expect(rank(bHi.tier)).toBeGreaterThanOrEqual(rank(bLo.tier));
          if (bHi.direction === 'low') expect(rank(bLo.tier)).toBeGreaterThanOrEqual(rank(bHi.tier));
        },
      ),
    );
  });

  it('the same quantity in any unit of the analyte reads the same', () => {
    const tests = Object.entries(labTestAnalytes).filter(([, a]) => a.length === 1);
    fc.assert(
      fc.property(fc.constantFrom(...tests), fc.integer({ min: 1, max: 400 }), ([test, list], step) => {
        const analyte = list[0] as AnalyteCode;
        const spec = analyteUnits[analyte];
        // A canonical value inside the plausible range, on a grid that whole-number units can express.
        const canonical = spec.plausible.min + ((spec.plausible.max - spec.plausible.min) * step) / 1000;
        const tiers = new Set<string>();
        for (const unit of spec.units) {
          const value = fromCanonical(canonical, unit);
          if (unit.wholeNumbers === true && !Number.isInteger(value)) continue;
          const r = interpretLabResult(test, String(value), unit.unit);
          expect(r.ok).toBe(true);
          if (r.ok) tiers.add(`${r.interpretation.tier}:${r.interpretation.label}`);
        }
        expect(tiers.size).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('mEq/L is mmol/L for lithium; x10^9/L is x1000/uL for ANC (reference §3)', () => {
    const mEq = findUnit('lithium', 'mEq/L');
    const giga = findUnit('anc', 'x10^9/L');
    expect(mEq && toCanonical(1.3, mEq)).toBe(1.3);
    expect(giga && toCanonical(0.4, giga)).toBe(400);
  });
});
