import { z } from 'zod';

/**
 * The `?limit=` of a bounded list (issue 19, docs/api.md "List limits"): a whole number from 1 to the list's
 * named maximum, the maximum when absent (a page that lists them says "Showing the latest N" when `hasMore`).
 * A limit above the maximum is a 400 at `querystring.limit` that names the maximum; it is never cut down
 * silently. Product policy, not a clinical rule.
 */
export const listLimitSchema = (max: number) =>
  z.coerce
    .number()
    .int('Give a whole number of items.')
    .min(1, 'Give at least 1.')
    .max(max, `At most ${String(max)} at a time.`)
    .default(max);

/**
 * The first `limit` of rows read with one extra (`limit + 1`): the rows to answer and whether more exist, so a
 * list cut at its limit says so (`hasMore`).
 */
export function firstOf<T>(rows: readonly T[], limit: number): { rows: T[]; hasMore: boolean } {
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
