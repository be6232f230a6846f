import { describe, expect, it } from 'vitest';
import { consultRequested } from './consult-requested.js';

describe('consult-requested', () => {
  it.each([
    ['routine', 'high', 'Consult request'],
    ['high', 'high', 'Consult request (high)'],
    ['urgent', 'urgent', 'Consult request (urgent)'],
  ] as const)(
    'priority %s → severity %s, routed only to the asked clinician',
    (priority, severity, title) => {
      const specs = consultRequested.evaluate({
        id: 'ev1',
        clinicId: 'c1',
        patientId: 'p1',
        createdAt: 0,
        type: 'consult.requested',
        payload: {
          consultId: 'k1',
          fromUserId: 'u-from',
          toUserId: 'u-to',
          priority,
          summary: 'Side effects?',
        },
      });
      expect(specs).toEqual([
        {
          type: 'consult_request',
          severity,
          title,
          details: 'Side effects?',
          routeToRoles: [],
          routeToUserIds: ['u-to'],
          subjectId: 'k1',
        },
      ]);
    },
  );
});
