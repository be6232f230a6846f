import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.js';
import { planAwaitingSignature } from './plan-awaiting-signature.js';
import { planReviewDue } from './plan-review-due.js';
import { alertRules } from './index.js';

const base = { id: 'e1', clinicId: 'c1', patientId: 'p1', createdAt: 0 };

describe('plan-awaiting-signature', () => {
  const event = (awaitingUserIds: string[]): DomainEvent<'plan.signature_requested'> => ({
    ...base,
    type: 'plan.signature_requested',
    payload: { planId: 'pl1', versionId: 'v1', versionNumber: 3, awaitingUserIds },
  });
  it.each([
    [['u1', 'u2'], 1],
    [['u2'], 1],
    [[], 0],
  ])('awaiting %j → %i alert(s)', (awaiting, n) => {
    const specs = planAwaitingSignature.evaluate(event(awaiting));
    expect(specs).toHaveLength(n);
    for (const s of specs) {
      expect(s).toMatchObject({
        type: 'plan_awaiting_signature',
        severity: 'routine',
        routeToUserIds: awaiting,
        routeToRoles: [],
        subjectId: 'v1',
      });
      expect(s.title).toContain('version 3');
    }
  });
});

describe('plan-review-due', () => {
  it('routes a routine alert about the version to therapist and prescriber', () => {
    const specs = planReviewDue.evaluate({
      ...base,
      type: 'plan.review_due',
      payload: { planId: 'pl1', versionId: 'v9', reviewDate: '2026-12-01' },
    });
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'plan_review_due',
        severity: 'routine',
        routeToRoles: ['therapist', 'prescriber'],
        subjectId: 'v9',
      }),
    ]);
    expect(specs[0]?.details).toContain('2026-12-01');
  });
});

describe('registry', () => {
  it('registers both plan rules', () => {
    const names = alertRules.map((r) => r.name);
    expect(names).toContain('plan-awaiting-signature');
    expect(names).toContain('plan-review-due');
  });
});
