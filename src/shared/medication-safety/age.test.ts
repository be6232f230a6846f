import { describe, expect, it } from 'vitest';
import { ageOnDay } from './age.js';

describe('ageOnDay', () => {
  it.each([
    ['1990-05-17', '2026-05-16', 35],
    ['1990-05-17', '2026-05-17', 36],
    ['2001-12-07', '2026-12-06', 24], // the day before the 25th birthday: still under 25
    ['2001-12-06', '2026-12-06', 25],
    ['1966-01-01', '2026-12-31', 60], // 60 is not "> 60"
    ['1965-12-31', '2026-12-31', 61],
    ['2000-02-29', '2025-02-28', 24], // leap-day birthday: a year older on 1 March
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2024-02-29', 24],
    ['2026-12-06', '2026-12-06', 0],
  ])('born %s, on %s: %i', (born, day, age) => {
    expect(ageOnDay(born, day)).toBe(age);
  });

  it('is null for a day before the birth date', () => {
    expect(ageOnDay('2026-12-07', '2026-12-06')).toBeNull();
  });
});
