import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayload, EventType } from '../events.js';
import { measureWorsening } from './measure-worsening.js';
import { measureGoodNews } from './measure-good-news.js';
import { changeWords, treatmentNotImproving } from './treatment-not-improving.js';
import { practiceSelfHarm } from './practice-self-harm.js';
import { alertRules } from './index.js';

// Issue 12: relapse, good news beside self-harm, "rose by", and self-harm outside questionnaires.

const event = <T extends EventType>(type: T, payload: EventPayload<T>): DomainEvent<T> => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type,
  payload,
});

const submitted = (over: Partial<EventPayload<'measure.submitted'>>) =>
  event('measure.submitted', {
    responseId: 'r1',
    instrument: 'phq9',
    total: 3,
    severity: 'none',
    baselineTotal: 20,
    changePoints: -17,
    changePercent: -85,
    response: true,
    remission: true,
    reliableImprovement: true,
    reliableDeterioration: false,
    newlyRemission: true,
    newlyResponse: true,
    ...over,
  });

describe('measure-good-news is never told beside a safety concern or a relapse', () => {
  it.each([
    ['remission, nothing else that day', {}, 'Good news: PHQ-9 remission'],
    ['remission on the day of a positive item 9 or self-harm entry', { safetyConcernSameDay: true }, null],
    ['explicitly no concern', { safetyConcernSameDay: false }, 'Good news: PHQ-9 remission'],
    [
      'response beside a relapse',
      {
        remission: false,
        total: 9,
        relapse: { kind: 'rise_from_best' as const, fromTotal: 3, risePoints: 6 },
      },
      null,
    ],
    [
      'the baseline itself is never remission (remission false from the measures feature)',
      { remission: false, response: false, changePercent: 0 },
      null,
    ],
  ] as const)('%s', (_, over, title) => {
    const specs = measureGoodNews.evaluate(submitted(over));
    expect(specs.map((s) => s.title)).toEqual(title === null ? [] : [title]);
  });
});

describe('measure-worsening also reads the best recent score', () => {
  const base = { response: false, remission: false, reliableImprovement: false, changePercent: -9.5 };
  it.each([
    [
      'PHQ-9 9 -> 19 with baseline 21: up 10 from the lowest of 12 weeks',
      {
        ...base,
        total: 19,
        baselineTotal: 21,
        relapse: { kind: 'rise_from_best', fromTotal: 9, risePoints: 10 },
      },
      'up 10 points from 9, the lowest in the last 12 weeks',
    ],
    [
      'back from remission',
      {
        ...base,
        total: 11,
        baselineTotal: 20,
        relapse: { kind: 'back_from_remission', fromTotal: 3, risePoints: 8 },
      },
      'back from 3 (remission)',
    ],
    [
      'reliable deterioration against baseline',
      { ...base, total: 22, baselineTotal: 14, reliableDeterioration: true, relapse: null },
      'from 14 at baseline, a reliable deterioration',
    ],
    ['neither', { ...base, total: 12, baselineTotal: 14, relapse: null }, null],
  ] as const)('%s', (_, over, words) => {
    const specs = measureWorsening.evaluate(submitted(over));
    if (words === null) {
      expect(specs).toEqual([]);
      return;
    }
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ type: 'measure_worsening', severity: 'high' });
    expect(specs[0]?.details).toContain(words);
  });
});

describe('treatment-not-improving says which way the score moved', () => {
  it.each([
    [-25, 'rose by 25%'],
    [30, 'fell by 30%'],
    [0, 'no change'],
    [-0.4, 'no change'],
    [6.3, 'fell by 6%'],
  ])('fall %s → "%s"', (fall, words) => expect(changeWords(fall)).toBe(words));

  it('names GAD-7 when GAD-7 is the target that is not improving', () => {
    const [spec] = treatmentNotImproving.evaluate(
      event('treatment.not_improving', {
        instrument: 'gad7',
        weeksInTreatment: 12,
        baselineTotal: 16,
        latestTotal: 15,
        changePercent: 6.3,
      }),
    );
    expect(spec?.details).toContain('GAD-7 15 against 16 at baseline (fell by 6%');
    const [rose] = treatmentNotImproving.evaluate(
      event('treatment.not_improving', {
        weeksInTreatment: 11,
        baselineTotal: 12,
        latestTotal: 15,
        changePercent: -25,
      }),
    );
    expect(rose?.details).toContain('PHQ-9 15 against 12 at baseline (rose by 25%');
    expect(rose?.details).not.toContain('-25%');
  });
});

describe('practice-self-harm: urgent, to those who may read the entry', () => {
  it('is registered', () => expect(alertRules).toContain(practiceSelfHarm));
  it.each([
    [
      'team',
      'diary_card',
      ['self_harm_acted_on'],
      ['therapist', 'prescriber', 'care_manager'],
      'acted on an urge to self-harm',
    ],
    ['therapist', 'diary_card', ['high_suicidal_urge'], ['therapist'], 'rated a suicidal urge 4 or more'],
    ['therapist', 'thought_record', ['not_safe'], ['therapist'], 'said they are not safe right now'],
    ['team', 'message', ['not_safe'], ['therapist', 'prescriber', 'care_manager'], 'On the message'],
  ] as const)('sharing %s, %s %o → %o', (sharing, entryType, reasons, roles, words) => {
    const specs = practiceSelfHarm.evaluate(
      event('practice.self_harm_reported', {
        entryId: 'e1',
        entryType,
        day: '2026-11-02',
        sharing,
        reasons: [...reasons],
      }),
    );
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'self_harm_answer',
      severity: 'urgent',
      subjectId: 'e1',
      routeToRoles: roles,
    });
    expect(specs[0]?.details).toContain(words);
  });
  it('a therapist-only entry shared with the team later: the new readers only, same entry', () => {
    const specs = practiceSelfHarm.evaluate(
      event('practice.self_harm_reported', {
        entryId: 'e1',
        entryType: 'diary_card',
        day: '2026-11-02',
        sharing: 'team',
        reasons: ['self_harm_acted_on'],
        sharedLater: true,
      }),
    );
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'self_harm_answer',
      severity: 'urgent',
      subjectId: 'e1',
      routeToRoles: ['prescriber', 'care_manager'],
    });
    expect(specs[0]?.details).toContain('now shared it with the whole care team');
  });
});
