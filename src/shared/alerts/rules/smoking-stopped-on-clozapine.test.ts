import { describe, expect, it } from 'vitest';
import { smokingStoppedOnClozapine } from './smoking-stopped-on-clozapine.js';

const event = (clozapineNames: string[]) => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type: 'medication_safety.smoking_stopped' as const,
  payload: { entryId: 'e1', clozapineNames },
});

describe('smoking-stopped-on-clozapine', () => {
  it.each([
    [[], 0],
    [['Clozapine'], 1],
    [['Clozaril 100 mg'], 1],
  ])('%j → %i alert(s)', (names, count) => {
    const specs = smokingStoppedOnClozapine.evaluate(event(names));
    expect(specs).toHaveLength(count);
    if (count === 1) {
      expect(specs[0]).toMatchObject({
        type: 'smoking_stopped_on_clozapine',
        severity: 'high',
        routeToRoles: ['prescriber'],
        subjectId: 'e1',
      });
      expect(specs[0]?.details).toContain(names[0]);
      expect(specs[0]?.details).toContain('dose reduction may be needed');
    }
  });
});
