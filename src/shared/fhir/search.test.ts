import { describe, expect, it } from 'vitest';
import {
  countOf,
  dateBounds,
  dateRange,
  decodeCursor,
  encodeCursor,
  paramsOf,
  referenceId,
  tokenCodes,
} from './search.js';

const t = (s: string) => Date.parse(s);

describe('FHIR search parameters', () => {
  it.each([
    ['2026', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    ['2026-11-02', '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'],
    ['2026-11-02T10:15Z', '2026-11-02T10:15:00Z', '2026-11-02T10:16:00Z'],
    ['2026-11-02T10:15:30+02:00', '2026-11-02T08:15:30Z', '2026-11-02T08:15:31Z'],
  ])('%s covers [%s, %s)', (text, lo, hi) => {
    expect(dateRange(text)).toEqual({ lo: t(lo), hi: t(hi) });
  });

  it.each(['2026-13', '2026-02-30', 'yesterday', '2026-11-02T10'])('refuses %s', (text) => {
    expect(dateRange(text)).toBeNull();
  });

  it.each([
    [['2026-11-02'], '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'],
    [['ge2026-11-02'], '2026-11-02T00:00:00Z', null],
    [['gt2026-11-02'], '2026-11-03T00:00:00Z', null],
    [['le2026-11-02'], null, '2026-11-03T00:00:00Z'],
    [['lt2026-11-02'], null, '2026-11-02T00:00:00Z'],
    [['ge2026-10', 'lt2026-11-15', 'ge2026-10-10'], '2026-10-10T00:00:00Z', '2026-11-15T00:00:00Z'],
  ])('date %j', (values, from, before) => {
    expect(dateBounds('date', values)).toEqual({
      ok: true,
      value: { from: from === null ? null : t(from), before: before === null ? null : t(before) },
    });
  });

  it('refuses an unsupported prefix and a bad date, naming the parameter', () => {
    expect(dateBounds('date', ['ne2026'])).toMatchObject({ ok: false, error: { param: 'date' } });
    expect(dateBounds('authored', ['ge2026-99'])).toMatchObject({ ok: false, error: { param: 'authored' } });
  });

  it('_count: default 50, 1..200, larger refused (never cut down)', () => {
    expect(countOf(undefined)).toEqual({ ok: true, value: 50 });
    expect(countOf(['200'])).toEqual({ ok: true, value: 200 });
    expect(countOf(['201']).ok).toBe(false);
    expect(countOf(['0']).ok).toBe(false);
    expect(countOf(['ten']).ok).toBe(false);
  });

  it('refuses unknown parameters, ignores _format', () => {
    expect(paramsOf({ patient: 'p1', _format: 'json' }, ['patient'])).toEqual({
      ok: true,
      value: new Map([['patient', ['p1']]]),
    });
    expect(paramsOf({ name: 'x' }, ['patient'])).toMatchObject({ ok: false, error: { param: 'name' } });
  });

  it('reads tokens and references', () => {
    expect(tokenCodes(['http://loinc.org|44261-6,70274-6', 'other|1'], 'http://loinc.org')).toEqual([
      ['44261-6', '70274-6'],
      [],
    ]);
    expect(referenceId('Patient/abc', 'Patient')).toBe('abc');
    expect(referenceId('https://x/fhir/R4/Patient/abc', 'Patient')).toBe('abc');
    expect(referenceId('abc', 'Patient')).toBe('abc');
    expect(referenceId('Group/abc', 'Patient')).toBeNull();
  });

  it('cursors round-trip and a forged one is refused', () => {
    const c = { at: 1_790_000_000_000, id: '01900000-0000-7000-8000-000000000001', skip: 1 };
    expect(decodeCursor(encodeCursor(c))).toEqual({ ok: true, value: c });
    expect(decodeCursor('not-a-cursor').ok).toBe(false);
    expect(decodeCursor(undefined)).toEqual({ ok: true, value: null });
  });
});
