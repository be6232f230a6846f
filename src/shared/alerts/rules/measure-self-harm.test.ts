import { describe, expect, it } from 'vitest';
import { measureSelfHarm } from './measure-self-harm.js';

describe('measure-self-harm', () => {
  it.each([
    [1, 3, 'Several days', 'PHQ-9 total 3'],
    [2, 20, 'More than half the days', 'PHQ-9 total 20'],
    [3, null, 'Nearly every day', 'questionnaire incomplete'],
  ] as const)('item 9 = %i (total %s) → urgent to every clinician role', (item9, total, label, totalText) => {
    const specs = measureSelfHarm.evaluate({
      id: 'ev1',
      clinicId: 'c1',
      patientId: 'p1',
      createdAt: 0,
      type: 'measure.self_harm_reported',
      payload: { responseId: 'r1', item9, total },
    });
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'self_harm_answer',
      severity: 'urgent',
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: 'r1',
    });
    expect(specs[0]?.details).toContain(label);
    expect(specs[0]?.details).toContain(totalText);
  });
});
