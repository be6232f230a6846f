import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysElapsed } from './working-days.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

// 2026-11-02 is a Monday.
describe('addWorkingDays (Mon–Fri, UTC)', () => {
  it.each([
    ['Monday 09:00 + 2', '2026-11-02T09:00:00Z', 2, '2026-11-04T09:00:00.000Z'],
    ['Wednesday 23:59 + 2', '2026-11-04T23:59:00Z', 2, '2026-11-06T23:59:00.000Z'],
    ['Thursday 10:00 + 2 skips the weekend', '2026-11-05T10:00:00Z', 2, '2026-11-09T10:00:00.000Z'],
    ['Friday 15:00 + 2 is Tuesday', '2026-11-06T15:00:00Z', 2, '2026-11-10T15:00:00.000Z'],
    ['Friday 00:00 + 1 is Monday', '2026-11-06T00:00:00Z', 1, '2026-11-09T00:00:00.000Z'],
    ['Saturday counts from Monday 00:00', '2026-11-07T18:30:00Z', 2, '2026-11-11T00:00:00.000Z'],
    ['Sunday counts from Monday 00:00', '2026-11-08T23:59:59Z', 2, '2026-11-11T00:00:00.000Z'],
    ['Monday 00:00 + 5 is next Monday', '2026-11-02T00:00:00Z', 5, '2026-11-09T00:00:00.000Z'],
    ['zero days on a weekday is the same instant', '2026-11-03T12:00:00Z', 0, '2026-11-03T12:00:00.000Z'],
    ['zero days on a weekend is Monday 00:00', '2026-11-07T12:00:00Z', 0, '2026-11-09T00:00:00.000Z'],
    ['across a year end (Thu 31 Dec 2026)', '2026-12-31T08:00:00Z', 2, '2027-01-04T08:00:00.000Z'],
  ])('%s', (_name, from, days, expected) => {
    expect(iso(addWorkingDays(at(from), days))).toBe(expected);
  });
});

describe('workingDaysElapsed (default 2 working days)', () => {
  it.each([
    ['Friday message, Monday evening: not yet', '2026-11-06T15:00:00Z', '2026-11-09T20:00:00Z', false],
    ['Friday message, Tuesday 14:59: not yet', '2026-11-06T15:00:00Z', '2026-11-10T14:59:59Z', false],
    ['Friday message, Tuesday 15:00: overdue', '2026-11-06T15:00:00Z', '2026-11-10T15:00:00Z', true],
    ['Saturday message, Tuesday 23:59: not yet', '2026-11-07T10:00:00Z', '2026-11-10T23:59:00Z', false],
    ['Saturday message, Wednesday 00:00: overdue', '2026-11-07T10:00:00Z', '2026-11-11T00:00:00Z', true],
    ['Monday message, Wednesday same time: overdue', '2026-11-02T09:00:00Z', '2026-11-04T09:00:00Z', true],
  ])('%s', (_name, sent, now, expected) => {
    expect(workingDaysElapsed(at(sent), at(now))).toBe(expected);
  });
});
