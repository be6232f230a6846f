import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.js';
import { refusedAttemptsBurst } from './refused-attempts-burst.js';

const event = (refusals: number): DomainEvent<'security.refused_attempts'> => ({
  id: 'e1',
  type: 'security.refused_attempts',
  clinicId: 'c1',
  patientId: null,
  createdAt: 0,
  payload: {
    actorId: 'u9',
    actorName: 'Otto Outsider',
    actorRole: 'therapist',
    refusals,
    windowMinutes: 10,
    firstAt: 0,
    lastAt: 0,
  },
});

describe('refused-attempts-burst', () => {
  it.each([10, 37])('%i refusals: one high alert for the admins about the account', (n) => {
    const specs = refusedAttemptsBurst.evaluate(event(n));
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'refused_attempts',
      severity: 'high',
      audience: 'clinic_admins',
      subjectId: 'u9',
      title: 'Repeated refused attempts by Otto Outsider',
    });
    expect(specs[0]?.details).toContain(`refused ${String(n)} times within 10 minutes`);
  });
});
