import { addDays as shiftDay, weekdayOf as isoWeekday } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import {
  computeAdherence,
  countedDoses,
  missedPattern,
  missedStreaks,
  rateInWindow,
  rateOf,
  timeOfDay,
  windowRate,
  type AdherenceDose,
  type AdherenceLog,
} from './adherence.js';
import { isLowAdherence, isMissedStreak, lowAdherenceBlock } from './alerting.js';
import { adherenceDefaults, adherenceSettingsOf } from './settings.js';
import { parseClinicSettings } from '../clinic/settings.js';

/** The thresholds as the server reads them: one parse of the stored settings (issue 18). */
const adherenceSettings = (json: string) => adherenceSettingsOf(parseClinicSettings(json));

const TODAY = '2026-03-20'; // a Friday

/** Daily doses of one medication at the given times, from `from` to `to` inclusive (UTC as the zone). */
function daily(medicationId: string, from: string, to: string, times = ['08:00']): AdherenceDose[] {
  const out: AdherenceDose[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1))
    for (const t of times)
      out.push({
        medicationId,
        doseKey: `${medicationId}:${day}:${t}`,
        localDate: day,
        localTime: t,
        dueAt: Date.parse(`${day}T${t}:00Z`),
      });
  return out;
}
const took = (doses: AdherenceDose[], except: (d: AdherenceDose) => boolean = () => false): AdherenceLog[] =>
  doses.filter((d) => !except(d)).map((d) => ({ doseKey: d.doseKey, status: 'taken' }));

describe('day helpers', () => {
  it.each([
    ['2026-03-20', 1, '2026-03-21'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('shiftDay(%s, %i) = %s', (day, n, out) => expect(shiftDay(day, n)).toBe(out));
  it.each([
    ['2026-03-16', 1],
    ['2026-03-20', 5],
    ['2026-03-22', 7],
  ])('isoWeekday(%s) = %i', (day, wd) => expect(isoWeekday(day)).toBe(wd));
  it.each([
    ['05:00', 'morning'],
    ['11:59', 'morning'],
    ['12:00', 'afternoon'],
    ['16:59', 'afternoon'],
    ['17:00', 'evening'],
    ['20:59', 'evening'],
    ['21:00', 'night'],
    ['00:30', 'night'],
    ['04:59', 'night'],
  ])('timeOfDay(%s) = %s', (t, tod) => expect(timeOfDay(t)).toBe(tod));
});

describe('rateOf', () => {
  it.each([
    [0, 0, null],
    [26, 28, 92],
    [4, 5, 80],
    [79, 99, 79], // 79.8% is shown as 79, never rounded up to the threshold
    [7, 7, 100],
  ])('%i of %i → %s%', (taken, scheduled, percent) => expect(rateOf(taken, scheduled).percent).toBe(percent));
});

describe('which doses count (grace: end of the local day, or as soon as logged)', () => {
  const doses = daily('m1', '2026-03-19', '2026-03-21', ['08:00', '21:00']);
  it.each([
    [
      'nothing logged: yesterday counts as missed, today and tomorrow not yet',
      [],
      ['2026-03-19:08:00', '2026-03-19:21:00'],
    ],
    [
      "this morning's dose logged taken counts; tonight's is still open",
      [{ doseKey: 'm1:2026-03-20:08:00', status: 'taken' as const }],
      ['2026-03-19:08:00', '2026-03-19:21:00', '2026-03-20:08:00'],
    ],
    [
      "tonight's dose skipped early counts (as missed)",
      [{ doseKey: 'm1:2026-03-20:21:00', status: 'skipped' as const }],
      ['2026-03-19:08:00', '2026-03-19:21:00', '2026-03-20:21:00'],
    ],
    [
      "tomorrow's dose never counts, even if logged ahead",
      [{ doseKey: 'm1:2026-03-21:08:00', status: 'taken' as const }],
      ['2026-03-19:08:00', '2026-03-19:21:00'],
    ],
  ])('%s', (_, logs, keys) => {
    expect(countedDoses(doses, logs, TODAY).map((d) => d.doseKey.slice(3))).toEqual(keys);
  });
  it('a skipped dose counts as not taken; a logged dose counts as taken', () => {
    const counted = countedDoses(
      doses,
      [
        { doseKey: 'm1:2026-03-19:08:00', status: 'taken' },
        { doseKey: 'm1:2026-03-19:21:00', status: 'skipped' },
      ],
      TODAY,
    );
    expect(counted.map((d) => d.taken)).toEqual([true, false]);
  });
});

describe('rates over 7, 30 and 90 days', () => {
  const doses = daily('m1', '2025-12-01', TODAY);
  const counted = (except: (d: AdherenceDose) => boolean) => countedDoses(doses, took(doses, except), TODAY);
  it.each([
    ['all taken (today logged)', () => false, 7, { taken: 7, scheduled: 7, percent: 100 }],
    ['all taken over 30', () => false, 30, { taken: 30, scheduled: 30, percent: 100 }],
    ['all taken over 90', () => false, 90, { taken: 90, scheduled: 90, percent: 100 }],
    [
      'weekends missed, 7 days',
      (d: AdherenceDose) => isoWeekday(d.localDate) >= 6,
      7,
      { taken: 5, scheduled: 7, percent: 71 },
    ],
    [
      'today not logged: the 7-day window holds 6 counted doses',
      (d: AdherenceDose) => d.localDate === TODAY,
      7,
      { taken: 6, scheduled: 6, percent: 100 },
    ],
  ])('%s', (_, except, window, rate) => expect(rateInWindow(counted(except), TODAY, window)).toEqual(rate));

  it('a medication started 3 days ago is measured over its 3 days, not the whole window', () => {
    const recent = daily('m2', '2026-03-18', TODAY);
    expect(rateInWindow(countedDoses(recent, took(recent), TODAY), TODAY, 30)).toEqual({
      taken: 3,
      scheduled: 3,
      percent: 100,
    });
  });
});

describe("windowRate (the registry's one-pass rate)", () => {
  it("equals the rate of the counted doses for every mix of taken, skipped, unlogged and today's open doses", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let round = 0; round < 200; round++) {
      const doses = [
        ...daily('a', shiftDay(TODAY, -40), shiftDay(TODAY, 2), ['08:00', '20:00']),
        ...daily('b', shiftDay(TODAY, -Math.floor(random() * 20)), TODAY, ['12:00']),
      ];
      const logs: AdherenceLog[] = doses
        .filter(() => random() < 0.7)
        .map((d) => ({ doseKey: d.doseKey, status: random() < 0.85 ? 'taken' : 'skipped' }));
      for (const days of [1, 7, 14, 30])
        expect(windowRate(doses, logs, TODAY, days)).toEqual(
          rateInWindow(countedDoses(doses, logs, TODAY), TODAY, days),
        );
    }
  });
});

describe('missed-dose streaks', () => {
  const seq = (pattern: string) =>
    Array.from(pattern, (c, i) => ({
      medicationId: 'm1',
      doseKey: `k${String(i)}`,
      localDate: '2026-03-01',
      localTime: '08:00',
      dueAt: i,
      taken: c === 'T',
    }));
  it.each([
    ['', 0, 0, null],
    ['TTTT', 0, 0, null],
    ['TMMT', 0, 2, null],
    ['TMMM', 3, 3, 'k1'],
    ['MMMMTMM', 2, 4, 'k5'],
    ['MTMTM', 1, 1, 'k4'],
  ])('%s → current %i, longest %i', (pattern, current, longest, start) =>
    expect(missedStreaks(seq(pattern))).toEqual({ current, longest, currentStartKey: start }),
  );
});

describe('pattern by weekday and time of day', () => {
  it('finds weekend evenings as the weak spot', () => {
    const doses = daily('m1', '2026-03-09', '2026-03-15', ['08:00', '19:00']); // Mon-Sun
    const weekendEvening = (d: AdherenceDose) => isoWeekday(d.localDate) >= 6 && d.localTime === '19:00';
    const p = missedPattern(countedDoses(doses, took(doses, weekendEvening), TODAY));
    expect(p.byWeekday.map((r) => r.percent)).toEqual([100, 100, 100, 100, 100, 50, 50]);
    expect(p.byTimeOfDay.morning).toEqual({ taken: 7, scheduled: 7, percent: 100 });
    expect(p.byTimeOfDay.evening).toEqual({ taken: 5, scheduled: 7, percent: 71 });
    expect(p.byTimeOfDay.night).toEqual({ taken: 0, scheduled: 0, percent: null });
    expect(p.cells).toHaveLength(14);
    expect(p.cells.find((c) => c.weekday === 7 && c.timeOfDay === 'evening')).toMatchObject({ percent: 0 });
  });
});

describe('computeAdherence', () => {
  it('per medication and overall', () => {
    const a = daily('a', shiftDay(TODAY, -89), shiftDay(TODAY, -1));
    const b = daily('b', shiftDay(TODAY, -29), shiftDay(TODAY, -1), ['08:00', '20:00']);
    const missedB = (d: AdherenceDose) => d.localDate >= shiftDay(TODAY, -3); // last 3 days of b missed
    const s = computeAdherence([...a, ...b], [...took(a), ...took(b, missedB)], TODAY);
    const medA = s.medications.find((m) => m.medicationId === 'a');
    const medB = s.medications.find((m) => m.medicationId === 'b');
    expect(medA?.windows[90]).toEqual({ taken: 89, scheduled: 89, percent: 100 });
    expect(medB?.windows[7]).toEqual({ taken: 6, scheduled: 12, percent: 50 });
    expect(medB?.windows[30]).toEqual({ taken: 52, scheduled: 58, percent: 89 });
    expect(medB?.streaks).toMatchObject({ current: 6, longest: 6 });
    expect(s.overall[7]).toEqual({ taken: 12, scheduled: 18, percent: 66 });
    expect(s.overall[90]).toEqual({ taken: 141, scheduled: 147, percent: 95 });
  });
  it('a patient with no scheduled doses has no percent', () => {
    const s = computeAdherence([], [], TODAY);
    expect(s.overall[30]).toEqual({ taken: 0, scheduled: 0, percent: null });
    expect(s.medications).toEqual([]);
  });
});

describe('alert conditions', () => {
  const s = adherenceDefaults;
  it.each([
    ['80% exactly is not low', 8, 10, false],
    ['79 of 99 (79.8%) is low', 79, 99, true],
    ['11 of 14 (78.6%) is low', 11, 14, true],
    ['12 of 14 (85.7%) is fine', 12, 14, false],
    ['too few doses to judge (3 of 6)', 3, 6, false],
    ['nothing scheduled', 0, 0, false],
  ])('%s', (_, taken, scheduled, low) => expect(isLowAdherence(rateOf(taken, scheduled), s)).toBe(low));

  it.each([
    [2, false],
    [3, true],
    [5, true],
  ])('%i missed in a row → streak alert %s', (current, alert) =>
    expect(isMissedStreak({ current, longest: current, currentStartKey: 'k' }, s)).toBe(alert),
  );

  it('one low-adherence block per window length', () => {
    expect(lowAdherenceBlock('2026-03-20', 14)).toBe(lowAdherenceBlock('2026-03-21', 14));
    const blocks = new Set(
      Array.from({ length: 28 }, (_, i) => lowAdherenceBlock(shiftDay('2026-03-01', i), 14)),
    );
    expect(blocks.size).toBeLessThanOrEqual(3);
    expect(blocks.size).toBeGreaterThanOrEqual(2);
  });
});

describe('clinic settings for adherence', () => {
  it.each([
    ['{}', adherenceDefaults],
    ['not json', adherenceDefaults],
    [
      '{"adherenceThresholdPercent":90,"missedDosesInARow":2}',
      { ...adherenceDefaults, adherenceThresholdPercent: 90, missedDosesInARow: 2 },
    ],
    ['{"adherenceThresholdPercent":5,"adherenceWindowDays":"x"}', adherenceDefaults],
  ])('%s', (json, out) => expect(adherenceSettings(json)).toEqual(out));
});
