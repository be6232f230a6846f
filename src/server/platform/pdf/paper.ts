import { z } from 'zod';

/** The two paper sizes Duet prints on. Sizes in PDF points (1/72 inch): ISO 216 A4 and US Letter. */
export const paperSizes = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
} as const;
export type Paper = keyof typeof paperSizes;
export const paperSchema = z.enum(['A4', 'Letter']);

/** Countries whose offices use US Letter (the United States, Canada, Mexico and a few in the Americas). */
const letterCountries = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'PR',
  'DO',
  'CR',
  'PA',
  'SV',
]);

/**
 * The paper a document is printed on: the one asked for (`?paper=`), else the usual paper of the
 * patient's (or clinic's) country: Letter in the Americas listed above, A4 everywhere else.
 */
export function paperFor(asked: Paper | undefined, country: string | null | undefined): Paper {
  if (asked) return asked;
  return country && letterCountries.has(country.toUpperCase()) ? 'Letter' : 'A4';
}

/** Millimetres to PDF points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;
