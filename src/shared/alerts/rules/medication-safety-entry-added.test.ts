import { describe, expect, it } from 'vitest';
import { medicationSafetyEntryAdded } from './medication-safety-entry-added.js';

const event = (kind: 'allergy' | 'other_medicine' | 'condition', severe: boolean) => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type: 'medication_safety.patient_entry_added' as const,
  payload: { entryId: 'e1', kind, summary: 'Penicillin: hives (severe)', severe },
});

describe('medication-safety-entry-added', () => {
  it.each([
    ['allergy', true, 'high', 'Patient added an allergy: confirm or not'],
    ['allergy', false, 'routine', 'Patient added an allergy: confirm or not'],
    ['other_medicine', false, 'routine', 'Patient added another medicine they take: confirm or not'],
    ['condition', false, 'routine', 'Patient added a condition: confirm or not'],
  ] as const)('%s (severe %s) → one %s alert to the prescriber', (kind, severe, severity, title) => {
    const specs = medicationSafetyEntryAdded.evaluate(event(kind, severe));
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'medication_safety_entry',
      severity,
      title,
      routeToRoles: ['prescriber'],
      subjectId: 'e1',
    });
    expect(specs[0]?.details).toContain('Penicillin: hives (severe)');
  });
});
