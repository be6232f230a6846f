import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { securityAlertsOf } from '../../platform/audit/security-alerts.repository.js';
import { severitySchema } from '../../../shared/alerts/alert.js';
import type { SecurityAlert } from '../../../shared/audit/security-alert-schemas.js';
import { SECURITY_ALERTS_MAX } from '../../../shared/lists/limits.js';

/**
 * The clinic's security alerts, the most severe first, then the newest: at most SECURITY_ALERTS_MAX (issue 19;
 * older ones stay in the database), `hasMore` when some are not listed.
 */
export async function securityAlerts(
  deps: AppDeps,
  actor: Actor,
): Promise<{ alerts: SecurityAlert[]; hasMore: boolean }> {
  const found = await securityAlertsOf(deps.database.db, actor.clinicId, SECURITY_ALERTS_MAX + 1);
  const rows = found.slice(0, SECURITY_ALERTS_MAX);
  const alerts = rows.map((r) => ({
    id: r.id,
    type: r.type,
    severity: severitySchema.catch('high').parse(r.severity),
    title: r.title,
    details: r.details,
    subjectId: r.subject_id,
    createdAt: r.created_at,
  }));
  return { alerts, hasMore: found.length > rows.length };
}
