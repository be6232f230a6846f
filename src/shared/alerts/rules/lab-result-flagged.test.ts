import { describe, expect, it } from 'vitest';
import { labResultFlagged } from './lab-result-flagged.js';

const event = (tier: 'abnormal' | 'high' | 'critical', extra: { emergencyAdvice?: string | null } = {}) => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type: 'lab.result_flagged' as const,
  payload: {
    resultId: 'r1',
    medicationId: 'm1',
    medicationName: 'Clozapine',
    test: 'anc',
    testLabel: 'Absolute neutrophil count (ANC)',
    valueText: '400 cells/uL',
    takenOn: '2026-12-01',
    tier,
    label: 'Severe neutropenia (below 500/uL)',
    action: 'Urgent: interrupt clozapine now.',
    interrupt: true,
    emergencyAdvice: extra.emergencyAdvice ?? null,
    nextDueOn: '2026-12-02',
    nextDueReason: 'daily ANC',
  },
});

describe('lab-result-flagged', () => {
  it.each([
    ['critical', 'urgent', ['prescriber', 'therapist', 'care_manager'], 'Critical: '],
    ['high', 'high', ['prescriber'], 'High: '],
    ['abnormal', 'routine', ['prescriber'], 'Out of range: '],
  ] as const)('%s → %s to %j', (tier, severity, roles, titleStart) => {
    const specs = labResultFlagged.evaluate(event(tier));
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'lab_result_flagged',
      severity,
      routeToRoles: roles,
      fallbackRoles: ['care_manager'],
      subjectId: 'r1',
    });
    expect(specs[0]?.title.startsWith(titleStart)).toBe(true);
    expect(specs[0]?.details).toContain('400 cells/uL on 2026-12-01');
    expect(specs[0]?.details).toContain('Next test due 2026-12-02: daily ANC.');
  });

  it('carries the emergency advice in the details', () => {
    const specs = labResultFlagged.evaluate(
      event('critical', { emergencyAdvice: 'Go to the emergency department now.' }),
    );
    expect(specs[0]?.details).toContain('Go to the emergency department now.');
  });
});
