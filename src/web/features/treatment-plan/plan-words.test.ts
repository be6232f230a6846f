import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../shared/treatment-plans/api';
import {
  medicationNow,
  pathLabel,
  planTarget,
  targetHint,
  targetWords,
  withQuestionnaires,
} from './plan-words';

type Measurement = PlanContent['measurement'];
const q = (instrument: 'PHQ-9' | 'GAD-7') => ({
  instrument,
  atBaseline: true,
  everyWeeksEarly: 2,
  earlyPhaseWeeks: 12,
  everyWeeksAfter: 4,
});
const m = (target: Measurement['target'], ...list: ('PHQ-9' | 'GAD-7')[]): Measurement => ({
  questionnaires: list.map(q),
  ...(target === undefined ? {} : { target }),
});

describe('the plan target questionnaire (issue 12)', () => {
  it.each([
    [m(undefined, 'PHQ-9'), 'both'],
    [m('PHQ-9', 'PHQ-9'), 'PHQ-9'],
    [m('GAD-7', 'GAD-7'), 'GAD-7'],
    [m('both', 'PHQ-9', 'GAD-7'), 'both'],
  ])('%o reads as %s', (measurement, target) => {
    expect(planTarget(measurement)).toBe(target);
  });

  it('changing the questionnaires keeps the chosen target', () => {
    const next = withQuestionnaires(m('GAD-7', 'PHQ-9'), [q('PHQ-9'), q('GAD-7')]);
    expect(next.target).toBe('GAD-7');
    expect(next.questionnaires.map((x) => x.instrument)).toEqual(['PHQ-9', 'GAD-7']);
  });

  it.each([
    [m('GAD-7', 'PHQ-9'), 'GAD-7 is the target but this plan does not ask for it'],
    [m('PHQ-9'), 'PHQ-9 is the target but this plan does not ask for it'],
    [m('GAD-7', 'GAD-7'), null],
    [m('both'), null],
    [m(undefined), null],
  ])('hint for %o', (measurement, words) => {
    const hint = targetHint(measurement);
    if (words === null) expect(hint).toBeNull();
    else expect(hint).toContain(words);
  });

  it('the plan view says what treat-to-target follows', () => {
    expect(targetWords(m('GAD-7', 'GAD-7'))).toBe('Target: GAD-7');
    expect(targetWords(m(undefined, 'PHQ-9'))).toContain('the worse of the two counts');
  });

  it('the history names the field', () => {
    expect(pathLabel('measurement.target')).toBe('Measurement plan › Target questionnaire');
    expect(pathLabel('measurement.questionnaires.#1')).toBe('Measurement plan › questionnaires › #1');
  });
});

describe('medicationNow', () => {
  const period = (from: string, doseAmount: number, paused = false) => ({
    from,
    doseAmount,
    doseUnit: 'mg',
    schedule: { kind: 'times' as const, times: ['08:00'], weekdays: null },
    paused,
    scheduleText: '08:00 every day',
  });
  const base = {
    status: 'active' as const,
    endDate: null,
    current: period('2026-11-02', 50),
    upcoming: [],
  };
  it.each([
    ['today’s dose and schedule', base, '50 mg, 08:00 every day'],
    [
      'a later start',
      { ...base, current: null, upcoming: [period('2026-12-01', 25)] },
      '25 mg, 08:00 every day from 2026-12-01',
    ],
    ['paused', { ...base, current: period('2026-11-02', 50, true) }, 'paused'],
    [
      'stopped',
      { ...base, status: 'stopped' as const, endDate: '2026-11-20' },
      'stopped (last day 2026-11-20)',
    ],
  ])('%s', (_name, medication, expected) => {
    expect(medicationNow(medication as unknown as Parameters<typeof medicationNow>[0])).toBe(expected);
  });
});
