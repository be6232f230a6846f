import { z } from 'zod';
import { countries } from './countries-data.js';

export { countries };
export type CountryCode = (typeof countries)[number][0];

const codes = new Set<string>(countries.map(([code]) => code));
const names = new Map<string, string>(countries.map(([code, name]) => [code, name]));

export function isCountryCode(value: string): value is CountryCode {
  return codes.has(value);
}

/** An ISO 3166-1 alpha-2 code from the validated list; lower case is refused, not corrected. */
export const countryCodeSchema = z.string().refine((value): boolean => codes.has(value), {
  error: 'Choose a country from the list (ISO 3166-1 alpha-2, e.g. DE)',
});

export function countryName(code: string): string {
  return names.get(code) ?? code;
}

/**
 * Members of the European Union (27, as of 2026): 112 is the emergency number in every one of them
 * (crisis-lines.md, "any other country in the EU").
 */
export const euCountries: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);
