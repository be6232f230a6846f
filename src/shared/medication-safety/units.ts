/**
 * Dose units (issue 11; medication-safety.md §1: "a dose entered in another unit than the catalogue's must be
 * checked as the same quantity or refused with a clear message; amounts are never silently clamped").
 * Mass units convert exactly by powers of ten; volumes and counts (mL, tablets, drops) cannot be compared to
 * a mg maximum without the product's strength, so they are refused for a mg-dosed catalogue entry.
 */
const MG_PER_UNIT: Readonly<Record<string, number>> = {
  mg: 1,
  milligram: 1,
  milligrams: 1,
  g: 1000,
  gram: 1000,
  grams: 1000,
  mcg: 0.001,
  µg: 0.001,
  μg: 0.001,
  ug: 0.001,
  microgram: 0.001,
  micrograms: 0.001,
};

/** The unit as the checks compare it: lower case, trimmed, no trailing dot. */
export const normaliseUnit = (unit: string): string => unit.trim().toLowerCase().replace(/\.$/, '');

export const isMassUnit = (unit: string): boolean => normaliseUnit(unit) in MG_PER_UNIT;

/** Removes binary floating-point noise (0.1 g → 100 mg, not 100.00000000000001) without rounding a dose. */
const clean = (n: number): number => Number(n.toPrecision(12));

export type MgConversion = { ok: true; mg: number } | { ok: false; message: string };

/** The amount in mg, or why it cannot be compared with a mg maximum. */
export function toMilligrams(amount: number, unit: string): MgConversion {
  const factor = MG_PER_UNIT[normaliseUnit(unit)];
  if (factor === undefined)
    return {
      ok: false,
      message: `This medication's label maximum is in mg, and a dose in "${unit.trim()}" cannot be checked against it. Enter the dose in mg (or g or mcg).`,
    };
  if (!Number.isFinite(amount) || amount <= 0)
    return { ok: false, message: 'The dose must be a number above 0.' };
  return { ok: true, mg: clean(amount * factor) };
}

/** A mg figure in words for the screen ("12.5 mg"). */
export const mgText = (mg: number): string => `${String(clean(mg))} mg`;
