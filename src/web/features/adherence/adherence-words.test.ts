import { describe, expect, it } from 'vitest';
import { encouragement, rateWords } from './adherence-words';

const month = (taken: number, scheduled: number) => ({
  days: 30,
  taken,
  scheduled,
  percent: scheduled === 0 ? null : Math.floor((taken * 100) / scheduled),
});

describe('encouragement for the patient', () => {
  it.each([
    [month(30, 30), 'You took 30 of your 30 doses in the last 30 days — every single one. Well done!'],
    [month(26, 28), 'You took 26 of your 28 doses in the last 30 days — well done.'],
    [month(24, 28), 'You took 24 of your 28 doses in the last 30 days — good going, keep it up.'],
    [month(10, 28), 'You took 10 of your 28 doses in the last 30 days. Every dose you take counts.'],
    [month(0, 0), null],
  ])('%o', (w, words) => {
    const out = encouragement(w, 80);
    if (words === null) expect(out).toBeNull();
    else expect(out?.startsWith(words)).toBe(true);
  });
  it('never scolds', () => {
    expect(encouragement(month(3, 28), 80)).not.toMatch(/fail|bad|poor|should/i);
  });
});

describe('rateWords', () => {
  it.each([
    [{ taken: 26, scheduled: 28, percent: 92 }, '92% (26 of 28)'],
    [{ taken: 0, scheduled: 0, percent: null }, 'no doses yet'],
  ])('%o → %s', (w, out) => expect(rateWords(w)).toBe(out));
});
