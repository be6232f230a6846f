import { describe, expect, it } from 'vitest';
import { sideEffectSelfHarm } from './side-effect-self-harm.js';
import { alertRules } from './index.js';

describe('side-effect-self-harm (medication-safety.md section 4; care-rules.md "Safety")', () => {
  it.each([
    [['Sertraline'], 'while taking Sertraline.'],
    [[], 'harming themselves.'],
  ])('%o → urgent self-harm alert to the whole team', (medicationNames, ending) => {
    const specs = sideEffectSelfHarm.evaluate({
      id: 'e1',
      clinicId: 'c1',
      patientId: 'p1',
      createdAt: 0,
      type: 'side_effect.self_harm_reported',
      payload: { reportId: 'r1', medicationNames, severity: 'moderate' },
    });
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'self_harm_answer',
      severity: 'urgent',
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: 'side-effect-self-harm:r1',
    });
    expect(specs[0]?.details).toContain(ending);
    expect(alertRules).toContain(sideEffectSelfHarm);
  });
});
