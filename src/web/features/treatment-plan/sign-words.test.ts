import { describe, expect, it } from 'vitest';
import { planContentSchema } from '../../../shared/treatment-plans/schemas';
import { textChanges } from '../../../shared/treatment-plans/word-diff';
import { changeLabel, readablePlan } from './sign-words';

const snapshot = {
  name: 'Sertraline',
  takenOn: '2026-11-02',
  dose: '50 mg',
  schedule: '08:00 every day',
  steps: '',
  endDate: null,
  status: 'active' as const,
  recordVersion: 1,
  recordUpdatedAt: 1,
};
const before = planContentSchema.parse({
  goals: [{ id: 'g1', inPatientsWords: 'Sleep better' }],
  medication: { linked: [{ medicationId: 'm1', snapshot }] },
});
const after = planContentSchema.parse({
  goals: [{ id: 'g1', inPatientsWords: 'Sleep better', status: 'met' }],
  therapy: { frequency: 'weekly' },
  medication: { linked: [{ medicationId: 'm1', intent: 'change_dose', snapshot }] },
  safetyPlan: { warningSigns: ['Not eating', 'Staying in bed'] },
  measurement: { questionnaires: [{ instrument: 'PHQ-9' }] },
});

describe('changeLabel', () => {
  it.each([
    ['medication.linked[0].intent', 'Medication › Sertraline › intended change'],
    ['medication.linked[3].note', 'Medication › medication #4 › note'],
    ['goals[id=g1].inPatientsWords', 'Goals › in the patient’s words'],
    ['safetyPlan.warningSigns[1]', 'Safety plan › Warning signs #2'],
    ['therapy.practiceBetweenSessions', 'Therapy › practice between sessions'],
    ['reviewDate', 'Review date'],
  ])('%s → %s', (path, expected) => {
    expect(changeLabel(path, before, after)).toBe(expected);
  });
});

describe('readablePlan', () => {
  it('puts coded values in words before the diff', () => {
    const changes = textChanges(readablePlan(before), readablePlan(after)).map((c) => [
      c.path,
      c.parts.map((p) => `${p.op}:${p.text}`).join('|'),
    ]);
    expect(changes).toEqual([
      ['goals[id=g1].status', 'removed:Active|added:Met'],
      ['therapy.frequency', 'added:Weekly'],
      ['medication.linked[0].intent', 'removed:Continue as prescribed|added:Change the dose'],
      [
        'measurement.questionnaires[0]',
        'added:PHQ-9 at baseline, then every 2 weeks for 12 weeks, then every 4 weeks',
      ],
      ['safetyPlan.warningSigns[0]', 'added:Not eating'],
      ['safetyPlan.warningSigns[1]', 'added:Staying in bed'],
    ]);
  });
});
