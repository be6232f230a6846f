import type { Severity } from '../alert.js';
import { defineRule } from './rule.js';

const severityFor = { routine: 'high', high: 'high', urgent: 'urgent' } as const satisfies Record<
  'routine' | 'high' | 'urgent',
  Severity
>;

/** One clinician asked another for a consult: high (issue 3), urgent when the request is urgent; to the asked. */
export const consultRequested = defineRule({
  name: 'consult-requested',
  on: 'consult.requested',
  evaluate: (event) => [
    {
      type: 'consult_request',
      severity: severityFor[event.payload.priority],
      title:
        event.payload.priority === 'routine'
          ? 'Consult request'
          : `Consult request (${event.payload.priority})`,
      details: event.payload.summary,
      routeToRoles: [],
      routeToUserIds: [event.payload.toUserId],
      subjectId: event.payload.consultId,
    },
  ],
});
