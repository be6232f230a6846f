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
