import { defineRule } from './rule.js';

/**
 * Issue 13 (V4): one account refused again and again on patient records (the policy and its numbers:
 * shared/audit/refused-attempts.ts, product policy) raises one high alert for the clinic's admins per burst.
 */
export const refusedAttemptsBurst = defineRule({
  name: 'refused-attempts-burst',
  on: 'security.refused_attempts',
  evaluate: (event) => {
    const p = event.payload;
    return [
      {
        type: 'refused_attempts',
        severity: 'high',
        title: `Repeated refused attempts by ${p.actorName}`,
        details:
          `${p.actorName} (${p.actorRole}) was refused ${String(p.refusals)} times within ` +
          `${String(p.windowMinutes)} minutes when trying to open patient records they are not allowed to see. ` +
          'Check with them whether the account is being misused; sign them out or deactivate it if so.',
        routeToRoles: [],
        subjectId: p.actorId,
        audience: 'clinic_admins',
      },
    ];
  },
});
