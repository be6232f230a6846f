import { daysBetween, localDate, UnknownTimeZoneError } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { fallPercent, isNotImproving, registryStatus, weeksSince, type ScoreSeries } from './status.js';
import { treatToTargetDefaults, treatToTargetSettingsOf } from './settings.js';
import { parseClinicSettings } from '../clinic/settings.js';

/** The thresholds as the server reads them: one parse of the stored settings (issue 18). */
const treatToTargetSettings = (json: string) => treatToTargetSettingsOf(parseClinicSettings(json));
import { nextDueDay } from './next-due.js';
import { registryFlagsFor } from './flags.js';
import { arrangeRegistry, attentionTier } from './ranking.js';
import type { RegistryRow } from './schemas.js';

const s = (baseline: number | null, latest: number | null, followUps = 1): ScoreSeries => ({
  baseline,
  latest,
  followUps,
});
const none = s(null, null, 0);

describe('fallPercent', () => {
  it.each([
    [s(20, 10), 50],
    [s(20, 14), 30],
    [s(10, 12), -20],
    [s(0, 3), null], // baseline 0: no percent
    [s(20, 20, 0), null], // baseline only
    [none, null],
  ])('%o → %s', (series, expected) => expect(fallPercent(series)).toBe(expected));
});

describe('registryStatus (PHQ-9, GAD-7 for worsening)', () => {
  it.each([
    ['no data at all', none, none, null, 'no_data'],
    ['baseline only, week 2', s(18, 18, 0), none, 2, 'early'],
    ['baseline only, week 12', s(18, 18, 0), none, 12, 'no_data'],
    ['remission (< 5)', s(18, 4), none, 6, 'remission'],
    ['exactly 5 is not remission', s(20, 5), none, 6, 'response'],
    ['response at exactly 50%', s(20, 10), none, 11, 'response'],
    ['partial 30% at week 9', s(20, 14), none, 9, 'partial'],
    ['30% fall at week 11: not improving', s(20, 14), none, 11, 'not_improving'],
    ['49% at week 10: not improving', s(100 / 4, 13), none, 10, 'not_improving'],
    ['20% at week 4: early', s(20, 16), none, 4, 'early'],
    ['PHQ-9 up 6: worsening', s(10, 16), none, 3, 'worsening'],
    ['PHQ-9 up 5: not worsening', s(10, 15), none, 3, 'early'],
    ['GAD-7 up 4: worsening', s(20, 8), s(6, 10), 3, 'worsening'],
    ['GAD-7 only, no PHQ-9 (both where measured: GAD-7 counts)', none, s(10, 11), 3, 'early'],
    ['baseline 0 then 3: remission', s(0, 3), none, 11, 'remission'],
    ['baseline 0 then 5 at week 11: not improving', s(0, 5), none, 11, 'not_improving'],
  ] as const)('%s', (_, phq9, gad7, weeks, expected) =>
    expect(registryStatus(phq9, gad7, weeks)).toBe(expected),
  );
});

describe('isNotImproving (the scheduled check)', () => {
  it.each([
    ['week 11, 30% fall', s(20, 14), 11, true],
    ['week 11, exactly 50%', s(20, 10), 11, false],
    ['week 9, 30% fall', s(20, 14), 9, false],
    ['week 10, 0% fall', s(20, 20), 10, true],
    ['week 10, no follow-up', s(20, 20, 0), 10, false],
    ['week 12, remission below 50% fall', s(6, 4), 12, false],
  ] as const)('%s → %s', (_, series, weeks, expected) =>
    expect(isNotImproving(series, weeks)).toBe(expected),
  );

  it('follows the clinic setting', () => {
    const t = treatToTargetSettings(JSON.stringify({ notImprovingWeeks: 12 }));
    expect(isNotImproving(s(20, 14), 11, t)).toBe(false);
    expect(isNotImproving(s(20, 14), 12, t)).toBe(true);
  });
});

describe('treatToTargetSettings', () => {
  it.each([
    ['{}', treatToTargetDefaults],
    ['not json', treatToTargetDefaults],
    ['null', treatToTargetDefaults],
    ['{"measureOverdueDays": 10}', { ...treatToTargetDefaults, measureOverdueDays: 10 }],
    ['{"measureOverdueDays": "10", "notImprovingWeeks": 1}', treatToTargetDefaults],
  ])('%s', (json, expected) => expect(treatToTargetSettings(json)).toEqual(expected));
});

describe('weeksSince', () => {
  const W = 7 * 86_400_000;
  it.each([
    [null, 0, null],
    [0, 11 * W, 11],
    [0, 10 * W - 1, 9],
    [5 * W, 0, 0],
  ] as const)('%s → %s', (start, now, expected) => expect(weeksSince(start, now)).toBe(expected));
});

describe('nextDueDay (measures schedule: every 2 weeks to week 12, then every 4)', () => {
  it.each([
    ['phq9', '2026-01-01', null, '2026-01-01'],
    ['phq9', '2026-01-01', ['2026-01-01', '2026-01-01'], '2026-01-15'],
    ['gad7', '2026-01-01', ['2026-01-01', '2026-03-12'], '2026-03-26'], // week 10
    ['phq9', '2026-01-01', ['2026-01-01', '2026-03-26'], '2026-04-23'], // week 12 → every 4 weeks
  ] as const)('%s start %s, answered %o → %s', (instrument, start, answered, due) =>
    expect(
      nextDueDay(instrument, start, answered ? { baselineDay: answered[0], lastDay: answered[1] } : null),
    ).toBe(due),
  );
  it('counts days and reads days in the patient zone (an unknown zone is an error, never UTC)', () => {
    expect(daysBetween('2026-01-15', '2026-01-23')).toBe(8);
    expect(daysBetween('2026-01-15', '2026-01-10')).toBe(-5);
    expect(localDate(Date.UTC(2026, 0, 2, 3), 'America/Chicago')).toBe('2026-01-01');
    expect(() => localDate(Date.UTC(2026, 0, 2, 3), 'Not/AZone')).toThrow(UnknownTimeZoneError);
  });
});

describe('registryFlagsFor', () => {
  const base = {
    status: 'partial' as const,
    openSafetyAlert: false,
    measureDaysOverdue: null,
    overdueAfterDays: 7,
    markedForCaseReview: false,
    daysSinceContact: 3,
    noContactDays: 30,
  };
  it.each([
    [{}, []],
    [{ openSafetyAlert: true }, ['safety_risk']],
    [{ status: 'worsening' }, ['worsening']],
    [{ status: 'not_improving' }, ['not_improving']],
    [{ measureDaysOverdue: 7 }, []],
    [{ measureDaysOverdue: 8 }, ['overdue']],
    [{ markedForCaseReview: true }, ['case_review']],
    [{ daysSinceContact: 31 }, ['no_recent_contact']],
    [{ daysSinceContact: null }, ['no_recent_contact']],
    [{ adherencePercent: 79, adherenceBelow: 80 }, ['low_adherence']],
    [{ adherencePercent: 80, adherenceBelow: 80 }, []],
    [{ adherencePercent: null, adherenceBelow: 80 }, []],
  ] as const)('%o → %o', (over, flags) => expect(registryFlagsFor({ ...base, ...over })).toEqual(flags));
});

const row = (id: string, over: Partial<RegistryRow> = {}): RegistryRow => {
  const r: RegistryRow = {
    patientId: id,
    givenName: 'Pat',
    familyName: id,
    myRoles: ['therapist'],
    treatmentStart: '2026-01-01',
    weeksInTreatment: 5,
    phq9: { baseline: null, latest: null, changePercent: null, count: 0 },
    gad7: { baseline: null, latest: null, changePercent: null, count: 0 },
    status: 'early',
    lastClinicianContactAt: null,
    nextMeasureDue: null,
    adherence: null,
    openAlerts: { urgent: 0, high: 0, routine: 0, total: 0 },
    flags: [],
    markedForCaseReview: false,
    attentionTier: 0,
    ...over,
  };
  return { ...r, attentionTier: attentionTier(r) };
};

describe('attentionTier', () => {
  const alerts = (urgent: number, high: number) => ({ urgent, high, routine: 0, total: urgent + high });
  it.each([
    [['safety_risk', 'not_improving'], alerts(0, 0), 0],
    [['worsening'], alerts(0, 0), 1],
    [[], alerts(0, 1), 2],
    [['not_improving'], alerts(0, 0), 3],
    [['low_adherence', 'case_review'], alerts(0, 0), 4],
    [['case_review', 'overdue'], alerts(0, 0), 5],
    [['overdue'], alerts(0, 0), 6],
    [['no_recent_contact'], alerts(0, 0), 7],
    [[], alerts(0, 0), 8],
  ] as const)('%o with %o → %s', (flags, openAlerts, tier) =>
    expect(attentionTier({ flags, openAlerts })).toBe(tier),
  );
});

describe('arrangeRegistry', () => {
  const rows = [
    row('Adams'),
    row('Baker', { flags: ['not_improving'], status: 'not_improving' }),
    row('Clark', { flags: ['safety_risk'] }),
    row('Davis', {
      status: 'remission',
      phq9: { baseline: null, latest: { total: 3, at: 1, day: '2026-03-01' }, changePercent: 80, count: 5 },
    }),
  ];
  it('needs attention first by default (then the higher PHQ-9, no scores last)', () => {
    expect(arrangeRegistry(rows, { sort: 'attention' }).map((r) => r.familyName)).toEqual([
      'Clark',
      'Baker',
      'Davis',
      'Adams',
    ]);
  });
  it('filters by status, flag and name', () => {
    expect(arrangeRegistry(rows, { sort: 'name', status: ['remission'] }).map((r) => r.familyName)).toEqual([
      'Davis',
    ]);
    expect(
      arrangeRegistry(rows, { sort: 'name', flag: ['safety_risk', 'not_improving'] }).map(
        (r) => r.familyName,
      ),
    ).toEqual(['Baker', 'Clark']);
    expect(arrangeRegistry(rows, { sort: 'name', q: 'ark' }).map((r) => r.familyName)).toEqual(['Clark']);
  });
  it('sorts by name both ways and puts missing scores last', () => {
    expect(arrangeRegistry(rows, { sort: 'name', order: 'desc' }).map((r) => r.familyName)).toEqual([
      'Davis',
      'Clark',
      'Baker',
      'Adams',
    ]);
    expect(arrangeRegistry(rows, { sort: 'phq9' })[0]?.familyName).toBe('Davis');
    expect(arrangeRegistry(rows, { sort: 'phq9', order: 'asc' })[0]?.familyName).toBe('Davis');
  });
});
