/**
 * FHIR R4 search parameters as Duet reads them (hl7.org/fhir/R4/search.html). Pure: the routes pass the query
 * string, the services get bounds and limits. A parameter Duet does not support is refused (400) rather than
 * ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */

export type SearchError = { param: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: SearchError };

/** Default and largest page size. A larger `_count` is refused, never cut down silently. */
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

/** The values of each parameter (repeated parameters are AND-ed), from a parsed query string. */
export function paramsOf(
  query: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): Parsed<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(query)) {
    if (name === '_format') continue;
    if (!allowed.includes(name))
      return {
        ok: false,
        error: { param: name, message: `Search parameter ${name} is not supported here.` },
      };
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    out.set(name, values);
  }
  return { ok: true, value: out };
}

/** `[from, before)` in epoch ms; either side may be open. */
export interface Bounds {
  from: number | null;
  before: number | null;
}

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** The range a FHIR date value covers: a year, month, day, minute or second (dates without a zone are UTC). */
export function dateRange(text: string): { lo: number; hi: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? null : Number(mo) - 1;
  const day = d === undefined ? null : Number(d);
  if (month !== null && (month < 0 || month > 11)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const offset = (() => {
    if (zone === undefined || zone === 'Z') return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  })();
  if (month === null) return { lo: Date.UTC(year, 0, 1), hi: Date.UTC(year + 1, 0, 1) };
  if (day === null) return { lo: Date.UTC(year, month, 1), hi: Date.UTC(year, month + 1, 1) };
  if (h === undefined) {
    const lo = Date.UTC(year, month, day);
    if (new Date(lo).getUTCDate() !== day) return null;
    return { lo, hi: lo + 86_400_000 };
  }
  const seconds = s === undefined ? null : Number(s);
  const lo =
    Date.UTC(
      year,
      month,
      day,
      Number(h),
      Number(mi),
      seconds ?? 0,
      ms === undefined ? 0 : Number(ms.padEnd(3, '0')),
    ) - offset;
  const width = seconds === null ? 60_000 : ms === undefined ? 1000 : 1;
  return { lo, hi: lo + width };
}

/** Date parameters with prefixes eq (default), ge, gt, le, lt; several values narrow the range together. */
export function dateBounds(param: string, values: readonly string[]): Parsed<Bounds> {
  let from: number | null = null;
  let before: number | null = null;
  const narrowFrom = (v: number) => (from = from === null ? v : Math.max(from, v));
  const narrowBefore = (v: number) => (before = before === null ? v : Math.min(before, v));
  for (const value of values) {
    const match = /^(eq|ge|gt|le|lt|ne|sa|eb|ap)?(.*)$/.exec(value);
    const prefix = match?.[1] ?? 'eq';
    const range = dateRange(match?.[2] ?? '');
    if (!range)
      return {
        ok: false,
        error: { param, message: `${value} is not a FHIR date (e.g. 2026-11-02 or ge2026-11).` },
      };
    if (prefix === 'eq') {
      narrowFrom(range.lo);
      narrowBefore(range.hi);
    } else if (prefix === 'ge') narrowFrom(range.lo);
    else if (prefix === 'gt') narrowFrom(range.hi);
    else if (prefix === 'le') narrowBefore(range.hi);
    else if (prefix === 'lt') narrowBefore(range.lo);
    else
      return {
        ok: false,
        error: { param, message: `The ${prefix} prefix is not supported (use eq, ge, gt, le or lt).` },
      };
  }
  return { ok: true, value: { from, before } };
}

export function countOf(values: readonly string[] | undefined): Parsed<number> {
  const text = values?.at(-1);
  if (text === undefined) return { ok: true, value: DEFAULT_COUNT };
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_COUNT)
    return {
      ok: false,
      error: { param: '_count', message: `_count must be a whole number from 1 to ${String(MAX_COUNT)}.` },
    };
  return { ok: true, value: Number(text) };
}

/** A token search value `system|code` or `code`: the code when the system is absent or is this one. */
export function tokenCodes(values: readonly string[], system: string): string[][] {
  // Each parameter value is an OR list (comma-separated); repeated parameters AND.
  return values.map((v) =>
    v.split(',').flatMap((one) => {
      const bar = one.lastIndexOf('|');
      if (bar < 0) return [one];
      return one.slice(0, bar) === system || one.slice(0, bar) === '' ? [one.slice(bar + 1)] : [];
    }),
  );
}

/** A reference search value (`Patient/id`, `id`, or a full URL ending so) as an id of this type. */
export function referenceId(value: string, type: string): string | null {
  const parts = value.split('/');
  const id = parts.at(-1) ?? '';
  const named = parts.length >= 2 ? parts.at(-2) : undefined;
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) return null;
  if (named !== undefined && named !== type) return null;
  return id;
}

/** The page position a `next` link carries, opaque to the client (base64url JSON). */
export interface Cursor {
  at: number;
  id: string;
  /** Parts of that row already sent (an answer gives up to two Observations). */
  skip?: number;
}

// Cursors hold ASCII only (numbers and ids), so btoa/atob suffice (shared code has no Buffer).
export const encodeCursor = (c: Cursor): string =>
  btoa(JSON.stringify(c)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

export function decodeCursor(text: string | undefined): Parsed<Cursor | null> {
  if (text === undefined) return { ok: true, value: null };
  try {
    const value: unknown = JSON.parse(atob(text.replaceAll('-', '+').replaceAll('_', '/')));
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Cursor).at === 'number' &&
      typeof (value as Cursor).id === 'string'
    )
      return { ok: true, value: value as Cursor };
  } catch {
    // fall through
  }
  return {
    ok: false,
    error: { param: '_cursor', message: 'This page link is not valid; start the search again.' },
  };
}
