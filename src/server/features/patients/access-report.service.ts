import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { accessEventsForPatient } from '../../platform/audit/audit.repository.js';
import { describeAccess } from '../../../shared/audit/describe-access.js';
import type { Role } from '../../../shared/access/roles.js';

/**
 * Who has opened this record and when, from the audit trail, in plain language. The patient sees
 * everyone but themselves; a clinician on the team sees everyone, their own entries as "You".
 */
export function accessReport(deps: AppDeps, actor: Actor, patientId: string) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'access_report.read', resourceType: 'access_report' },
    async (trx) => {
      const rows = await accessEventsForPatient(trx, actor.clinicId, patientId, {
        excludeActorId: actor.role === 'patient' ? actor.userId : null,
        limit: 500,
      });
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        who: r.actor_id === actor.userId ? 'You' : (r.actor_name ?? 'Someone no longer in Duet'),
        whoRole: (r.actor_role ?? 'admin') as Role,
        action: describeAccess(
          r.action,
          r.outcome as 'allowed' | 'denied',
          actor.role === 'patient' ? 'patient' : 'team',
        ),
        outcome: r.outcome as 'allowed' | 'denied',
      }));
    },
  );
}
