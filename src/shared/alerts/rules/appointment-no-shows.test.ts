import { describe, expect, it } from 'vitest';
import { appointmentNoShows } from './appointment-no-shows.js';
import { alertRules } from './index.js';

describe('appointment-no-shows', () => {
  it('routes a high alert to the therapist, the care manager and the missed clinician', () => {
    const specs = appointmentNoShows.evaluate({
      id: 'e1',
      clinicId: 'c1',
      patientId: 'p1',
      createdAt: 0,
      type: 'appointment.no_shows_in_a_row',
      payload: { appointmentId: 'a2', appointmentIds: ['a2', 'a1'], count: 2, clinicianId: 'u9' },
    });
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'appointment_no_shows',
        severity: 'high',
        routeToRoles: ['therapist', 'care_manager'],
        routeToUserIds: ['u9'],
        subjectId: 'a2',
        title: '2 missed appointments in a row',
      }),
    ]);
  });

  it('is registered', () => {
    expect(alertRules.map((r) => r.name)).toContain('appointment-no-shows');
  });
});
