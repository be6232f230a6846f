import { defineRule } from './rule.js';

/** A plan version waits for a clinician's signature: a routine alert to exactly those still to sign. */
export const planAwaitingSignature = defineRule({
  name: 'plan-awaiting-signature',
  on: 'plan.signature_requested',
  evaluate: (event) =>
    event.payload.awaitingUserIds.length === 0
      ? []
      : [
          {
            type: 'plan_awaiting_signature',
            severity: 'routine',
            title: `Treatment plan version ${String(event.payload.versionNumber)} is waiting for your signature`,
            details:
              'Read the plan and sign it when you agree; it becomes the agreed plan once both the therapist and the prescriber have signed this version.',
            routeToRoles: [],
            routeToUserIds: event.payload.awaitingUserIds,
            subjectId: event.payload.versionId,
          },
        ],
});
