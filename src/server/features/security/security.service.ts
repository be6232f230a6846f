import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { securityAlertsOf } from '../../platform/audit/security-alerts.repository.js';
import { severitySchema } from '../../../shared/alerts/alert.js';
import type { SecurityAlert } from '../../../shared/audit/security-alert-schemas.js';

const SHOWN = 200;

/** The clinic's security alerts, newest first (the latest 200: older ones stay in the database). */
export async function securityAlerts(deps: AppDeps, actor: Actor): Promise<SecurityAlert[]> {
  const rows = await securityAlertsOf(deps.database.db, actor.clinicId, SHOWN);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    severity: severitySchema.catch('high').parse(r.severity),
    title: r.title,
    details: r.details,
    subjectId: r.subject_id,
    createdAt: r.created_at,
  }));
}
