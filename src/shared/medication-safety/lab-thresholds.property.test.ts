import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, labRanges } from './lab-ranges.js';
import { checkThresholds, thresholdsOf, withClinicThresholds } from './lab-thresholds.js';

// Whatever numbers an admin types: accepted thresholds keep every level of the range reachable (each
// threshold value itself falls in its own level, or the one it opens, never a later one), and a refusal names
// a field of the range; nothing is sorted or clamped (the stored numbers are the typed ones).
/** The next double above (+1) or below (-1) a positive number. */
function step(x: number, by: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(by));
  return view.getFloat64(0);
}

// Values as an admin types them (at most 3 decimals), and any double (mostly refused: too many decimals).
const value = fc.oneof(
  fc.integer({ min: 1, max: 200_000_000 }).map((n) => n / 1000),
  fc.double({ min: 0.001, max: 200_000, noNaN: true, noDefaultInfinity: true }),
);

describe('clinic laboratory thresholds, property', () => {
  for (const range of labRanges) {
    const count = thresholdsOf(range).length;
    it(`${range.id}: accepted values keep each level reachable; refusals name a field`, () => {
      fc.assert(
        fc.property(fc.array(value, { minLength: count, maxLength: count }), (values) => {
          const errors = checkThresholds(range, values);
          if (errors.length > 0) {
            for (const e of errors) expect(e.index).toBeGreaterThanOrEqual(0);
            for (const e of errors) expect(e.index).toBeLessThan(count);
            expect(withClinicThresholds(range, values)).toBe(range);
            return;
          }
          const clinic = withClinicThresholds(range, values);
          thresholdsOf(clinic).forEach((t, i) => {
            expect(t.reference).toBe(values[i]);
            // The nearest number inside the level: the threshold itself, or the next double beyond it.
            const nudge =
              t.comparison === 'gt'
                ? step(t.reference, 1)
                : t.comparison === 'lt'
                  ? step(t.reference, -1)
                  : t.reference;
            if (nudge <= 0) return;
            expect(bandOf(clinic, nudge)).toBe(clinic.bands[t.index]);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('sorted reference-like values are accepted for every range (the check is not too strict)', () => {
    for (const range of labRanges) {
      const refs = thresholdsOf(range).map((t) => t.reference);
      expect(
        checkThresholds(
          range,
          refs.map((r) => Number((r * 1.01).toFixed(3))),
        ),
      ).toEqual([]);
    }
  });
});
