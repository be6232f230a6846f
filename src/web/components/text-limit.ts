/** Share of the limit from which the counter shows (issue 17: a visible counter near a limit). */
export const COUNTER_FROM = 0.8;

const show = (n: number) => n.toLocaleString('en-US');

/**
 * What a text field says about its length: nothing while well inside the limit, a counter from 80 % of it,
 * and an error once over (the text is kept as typed or pasted, never cut; saving is refused until it fits).
 */
export function textLimit(
  value: string,
  maxLength: number,
): { counter: string | null; error: string | null } {
  // As the server's schema counts (string length), so both agree on what fits.
  const length = value.length;
  if (length > maxLength)
    return {
      counter: `${show(length)} of ${show(maxLength)} characters`,
      error: `${show(length - maxLength)} ${length - maxLength === 1 ? 'character' : 'characters'} over the limit of ${show(maxLength)}: shorten it to save.`,
    };
  if (length >= Math.ceil(maxLength * COUNTER_FROM))
    return { counter: `${show(length)} of ${show(maxLength)} characters`, error: null };
  return { counter: null, error: null };
}
