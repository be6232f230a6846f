import { describe, expect, it } from 'vitest';
import { lockDuration } from './login-throttle.js';

describe('lockDuration', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [12, 3_600_000],
    [40, 3_600_000],
  ])('after %i failures locks for %i ms', (failures, ms) => {
    expect(lockDuration(failures, 5)).toBe(ms);
  });
});

describe('lockDuration with the account-wide cap (a delay, never longer than 5 minutes)', () => {
  it.each([
    [19, 0],
    [20, 30_000],
    [22, 120_000],
    [23, 240_000],
    [24, 300_000],
    [200, 300_000],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(lockDuration(failures, 20, 5 * 60_000)).toBe(ms);
  });
});
