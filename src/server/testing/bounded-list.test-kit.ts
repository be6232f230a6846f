// Issue 19: what every bounded list answers to a `?limit=` above its maximum (docs/api.md "List limits").
import { expect } from 'vitest';

/** A 400 at `querystring.limit` whose message names the maximum: the list is never cut down silently. */
export function expectLimitRefused(res: { statusCode: number; json: () => unknown }, max: number): void {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { details: { path: string; message: string }[] } };
  const details = body.error.details;
  expect(details).toContainEqual({ path: 'querystring.limit', message: `At most ${String(max)} at a time.` });
}
