/** The range a number field accepts; either end may be open. */
export type NumberRange = { min?: number; max?: number; wholeNumber?: boolean };

const show = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 4 });

/** The range in words, e.g. "from 1 to 200", "0 or more". */
export function rangeWords({ min, max }: NumberRange): string {
  if (min !== undefined && max !== undefined) return `from ${show(min)} to ${show(max)}`;
  if (min !== undefined) return `${show(min)} or more`;
  if (max !== undefined) return `${show(max)} or less`;
  return 'a number';
}

/**
 * Why a typed number is refused, naming the range, or null when it fits (issue 17: never change what a
 * person typed to the nearest allowed value). An empty field is not this function's business.
 */
export function numberRangeError(value: number | string, range: NumberRange): string | null {
  if (value === '' || value === '-') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return `Enter a number ${rangeWords(range)}.`;
  const outside = (range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max);
  if (outside) return `Enter a number ${rangeWords(range)}; ${show(n)} is outside that range.`;
  if (range.wholeNumber === true && !Number.isInteger(n)) return `Enter a whole number ${rangeWords(range)}.`;
  return null;
}
