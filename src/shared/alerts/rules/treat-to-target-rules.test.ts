import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayload, EventType } from '../events.js';
import { measureWorsening } from './measure-worsening.js';
import { measureGoodNews } from './measure-good-news.js';
import { treatmentNotImproving } from './treatment-not-improving.js';
import { measureOverdue } from './measure-overdue.js';
import { caseReviewRecommendation } from './case-review-recommendation.js';
import { alertRules } from './index.js';

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
    total: 12,
    severity: 'moderate',
    baselineTotal: 16,
    changePoints: -4,
    changePercent: -25,
    response: false,
    remission: false,
    reliableImprovement: false,
    reliableDeterioration: false,
    ...over,
  });

describe('treat-to-target rules are registered', () => {
  it.each([
    measureWorsening,
    measureGoodNews,
    treatmentNotImproving,
    measureOverdue,
    caseReviewRecommendation,
  ])('%o', (rule) => expect(alertRules).toContain(rule));
});

describe('measure-worsening', () => {
  it.each([
    ['phq9 reliable deterioration', { reliableDeterioration: true, total: 22 }, 'Worsening: PHQ-9 22'],
    [
      'gad7 reliable deterioration',
      { instrument: 'gad7', reliableDeterioration: true, total: 15 },
      'Worsening: GAD-7 15',
    ],
    ['no deterioration', { reliableDeterioration: false }, null],
    ['missing item (no total)', { reliableDeterioration: true, total: null }, null],
  ] as const)('%s', (_, over, title) => {
    const specs = measureWorsening.evaluate(submitted(over));
    if (title === null) {
      expect(specs).toEqual([]);
      return;
    }
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'measure_worsening',
      severity: 'high',
      title,
      routeToRoles: ['prescriber', 'therapist'],
      subjectId: 'r1',
    });
  });
});

describe('measure-good-news', () => {
  it.each([
    [
      'remission',
      { remission: true, response: true, total: 3, changePercent: -81.25 },
      'Good news: PHQ-9 remission',
    ],
    ['response only', { response: true, total: 8, changePercent: -50 }, 'Good news: PHQ-9 response'],
    ['GAD-7 response', { instrument: 'gad7', response: true, total: 5 }, 'Good news: GAD-7 response'],
    ['neither', {}, null],
    ['no total', { remission: true, total: null }, null],
    ['worsening wins', { response: true, reliableDeterioration: true }, null],
    ['still at response', { response: true, total: 8, newlyResponse: false }, null],
    [
      'newly in remission, response before',
      { response: true, remission: true, total: 3, newlyResponse: false, newlyRemission: true },
      'Good news: PHQ-9 remission',
    ],
    [
      'still in remission, newly a response (baseline moved)',
      { response: true, remission: true, total: 3, newlyResponse: true, newlyRemission: false },
      'Good news: PHQ-9 response',
    ],
    ['still in remission', { remission: true, total: 3, newlyRemission: false }, null],
  ] as const)('%s', (_, over, title) => {
    const specs = measureGoodNews.evaluate(submitted(over));
    if (title === null) {
      expect(specs).toEqual([]);
      return;
    }
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'good_news',
        severity: 'routine',
        title,
        routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      }),
    ]);
  });
  it('says how far below baseline', () => {
    const [spec] = measureGoodNews.evaluate(submitted({ response: true, total: 8, changePercent: -50 }));
    expect(spec?.details).toContain('50% lower than baseline');
  });
});

describe('treatment-not-improving', () => {
  it('is a high "review treatment" to prescriber and therapist', () => {
    const specs = treatmentNotImproving.evaluate(
      event('treatment.not_improving', {
        weeksInTreatment: 11,
        baselineTotal: 20,
        latestTotal: 14,
        changePercent: 30,
      }),
    );
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'treatment_not_improving',
        severity: 'high',
        title: 'Not improving: review treatment',
        routeToRoles: ['prescriber', 'therapist'],
      }),
    ]);
    expect(specs[0]?.details).toContain('Week 11');
    expect(specs[0]?.details).toContain('fell by 30%');
  });
});

describe('measure-overdue', () => {
  it.each(['phq9', 'gad7'] as const)('%s → routine to the care manager, else the therapist', (instrument) => {
    const specs = measureOverdue.evaluate(
      event('measure.overdue', { instrument, dueDate: '2026-10-01', daysOverdue: 9 }),
    );
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'measure_overdue',
        severity: 'routine',
        routeToRoles: ['care_manager'],
        fallbackRoles: ['therapist'],
        subjectId: `${instrument}:2026-10-01`,
      }),
    ]);
    expect(specs[0]?.details).toContain('9 days overdue');
  });
});

describe('case-review-recommendation', () => {
  it('goes to the whole team with the summary', () => {
    const specs = caseReviewRecommendation.evaluate(
      event('case_review.recommendation', {
        recommendationId: 'rec1',
        byUserId: 'u1',
        summary: 'Increase sertraline to 100 mg',
      }),
    );
    expect(specs).toEqual([
      {
        type: 'case_review_recommendation',
        severity: 'routine',
        title: 'Case review recommendation',
        details: 'Increase sertraline to 100 mg',
        routeToRoles: ['therapist', 'prescriber', 'care_manager'],
        subjectId: 'rec1',
      },
    ]);
  });

  it('keeps the priority the consultant chose', () => {
    const [spec] = caseReviewRecommendation.evaluate(
      event('case_review.recommendation', {
        recommendationId: 'rec2',
        byUserId: 'u1',
        summary: 'Urgent medication review',
        priority: 'high',
      }),
    );
    expect(spec).toMatchObject({ severity: 'high', title: 'Case review recommendation (high priority)' });
  });
});
