import { addDays } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { countedDoses, type AdherenceDose, type AdherenceLog } from './adherence.js';
import {
  byMedication,
  gapCriticalKind,
  isCriticalGap,
  medicationWindowRate,
  untakenRun,
} from './per-medication.js';
import { adherenceDefaults, adherenceSettingsOf } from './settings.js';
import { parseClinicSettings } from '../clinic/settings.js';

const adherenceSettings = (json: string) => adherenceSettingsOf(parseClinicSettings(json));

const TODAY = '2026-03-20';
const s = { ...adherenceDefaults };

/** One daily 08:00 dose of `med` on the `days` days before today and today. */
function daily(med: string, days: number): AdherenceDose[] {
  const out: AdherenceDose[] = [];
  for (let i = days; i >= 0; i -= 1) {
    const day = addDays(TODAY, -i);
    out.push({
      medicationId: med,
      doseKey: `${med}:${day}:08:00`,
      localDate: day,
      localTime: '08:00',
      dueAt: Date.parse(`${day}T08:00:00Z`),
    });
  }
  return out;
}
const logs = (doses: AdherenceDose[], taken: (daysAgo: number) => boolean): AdherenceLog[] =>
  doses
    .filter((d) => taken(Math.round((Date.parse(TODAY) - Date.parse(d.localDate)) / 86_400_000)))
    .map((d) => ({ doseKey: d.doseKey, status: 'taken' }));

describe('gap-critical medicines are recognised by any of their names (issue 11)', () => {
  it.each([
    [['Lithium carbonate ER'], 'lithium'],
    [['Eskalith'], 'lithium'],
    [['Liskonum'], 'lithium'], // UK brand, through the shared resolver
    [['Lithobid 300 mg'], 'lithium'],
    [['Clozaril'], 'clozapine'],
    [['clozapine'], 'clozapine'],
    [['Versacloz'], 'clozapine'],
    [['Depakote ER'], 'anticonvulsant_mood_stabiliser'],
    [['Valproic acid'], 'anticonvulsant_mood_stabiliser'],
    [['Divalproex sodium'], 'anticonvulsant_mood_stabiliser'],
    [['Lamictal XR'], 'anticonvulsant_mood_stabiliser'],
    [['Tegretol'], 'anticonvulsant_mood_stabiliser'],
    [['Carbamazepine'], 'anticonvulsant_mood_stabiliser'],
    [['My mood pill', 'lamotrigine'], 'anticonvulsant_mood_stabiliser'],
    [['Sertraline'], null],
    [['Quetiapine'], null],
    [['Gabapentin'], null],
    [['Lithiumx'], null],
    [[null, undefined, ''], null],
  ] as const)('%j → %s', (names, kind) => expect(gapCriticalKind(names)).toBe(kind));
});

describe('per-medication rate over the alert window', () => {
  it.each([
    // [days taken of the 13 counted (today's dose is still open), low?]
    [13, false],
    [11, false], // 84%
    [10, true], // 76%
    [0, true],
  ])('%i of 13 taken → low %s', (taken, low) => {
    const doses = daily('m', 14);
    const counted = countedDoses(
      doses,
      logs(doses, (ago) => ago >= 1 && ago <= taken),
      TODAY,
    );
    const r = medicationWindowRate(counted, TODAY, s);
    expect(r.rate.scheduled).toBe(13);
    expect(r.rate.taken).toBe(taken);
    expect(r.low).toBe(low);
  });

  it('a medicine at 0% is low on its own although the pooled figure is 83% (issue 11)', () => {
    const lithium = daily('li', 35);
    const other = ['a', 'b', 'c', 'd', 'e'].flatMap((m) => daily(m, 35));
    const counted = countedDoses(
      [...lithium, ...other],
      logs(other, (ago) => ago >= 1),
      TODAY,
    );
    const per = byMedication(counted);
    expect(medicationWindowRate(per.get('li') ?? [], TODAY, s).low).toBe(true);
    expect(medicationWindowRate(per.get('a') ?? [], TODAY, s).low).toBe(false);
    expect(medicationWindowRate(counted, TODAY, s).rate.percent).toBe(83);
  });
});

describe('untaken run of a gap-critical medicine', () => {
  it.each([
    // [taken on these days ago, expected run days, alert?]
    [[4, 5, 6], 3, true],
    [[3, 4, 5], 2, false],
    [[1], null, false],
    [[0, 5], null, false], // taken today: resumed
    [[], 10, true], // never taken in the doses looked at
  ])('taken %j days ago → run %s, alert %s', (takenAgo, days, alert) => {
    const doses = daily('li', 10);
    const counted = countedDoses(
      doses,
      logs(doses, (ago) => takenAgo.includes(ago)),
      TODAY,
    );
    const run = untakenRun(counted, TODAY);
    expect(run?.days ?? null).toBe(days);
    if (run) expect(run.firstDay).toBe(addDays(TODAY, -run.days));
    expect(isCriticalGap(run, s)).toBe(alert);
  });

  it('a day with nothing scheduled (paused) ends the run', () => {
    const doses = daily('li', 10).filter((d) => d.localDate !== addDays(TODAY, -2));
    const run = untakenRun(countedDoses(doses, [], TODAY), TODAY);
    expect(run).toEqual({ firstDay: addDays(TODAY, -1), days: 1 });
  });

  it('a run reaching back past the doses read takes its first day from the last dose taken', () => {
    const counted = countedDoses(daily('li', 10), [], TODAY);
    expect(
      untakenRun(counted, TODAY, { lastTakenDay: addDays(TODAY, -31), startDate: '2025-01-01' }),
    ).toEqual({ firstDay: addDays(TODAY, -30), days: 30 });
    expect(untakenRun(counted, TODAY, { lastTakenDay: null, startDate: addDays(TODAY, -20) })).toEqual({
      firstDay: addDays(TODAY, -20),
      days: 20,
    });
  });

  it('the clinic can change the number of days (default 3)', () => {
    expect(adherenceSettings('{"criticalMedicationGapDays":5}').criticalMedicationGapDays).toBe(5);
    expect(adherenceSettings('{"criticalMedicationGapDays":0}').criticalMedicationGapDays).toBe(3);
    expect(isCriticalGap({ firstDay: TODAY, days: 4 }, { ...s, criticalMedicationGapDays: 5 })).toBe(false);
  });
});
