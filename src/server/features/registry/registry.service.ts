import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { RegistryQuery } from '../../../shared/registry/schemas.js';

/**
 * The caseload registry (issue 5): every patient whose care team the caller is on, with scores, status,
 * contact, what is due, open alerts and flags, "needs attention first". `all` is the care manager's whole
 * caseload; with Duet's access rule (a clinician reaches only the patients whose team they are on) it is the
 * same set of patients as `mine`, so other roles ask for `mine` only. One audit event per patient shown. Returns
 * the response as JSON text (RegistryResponse), made and checked on a read worker when the server runs them.
 */
export async function readRegistryAudited(
  deps: AppDeps,
  actor: Actor,
  query: RegistryQuery,
): Promise<string> {
  const scope = query.scope ?? (actor.role === 'care_manager' ? 'all' : 'mine');
  if (scope === 'all' && actor.role !== 'care_manager') {
    // A refusal decided by the query, not the route: audited here like every refusal (issue 13).
    await deps.audit.recordRead(actor.clinicId, actor, {
      action: 'registry.read',
      resourceType: 'registry',
      resourceId: 'scope=all',
      patientId: null,
      outcome: 'denied',
    });
    throw new AppError('forbidden', 'Only a care manager can open the whole caseload; ask for scope=mine.');
  }
  const { clinicId, userId } = actor;
  const now = deps.clock.now();
  // Computed on a read worker when the server runs them (reads/read-pool.ts); recorded once it is read.
  const { json, patientIds } = await deps.reads.run('registryRead', { clinicId, userId, now, scope, query });
  // Issue 13: the list appears in each shown patient's access report; issue 19: as one list event naming them
  // (an empty list is still one event, naming none), in the shared commit of audited reads.
  await deps.audit.recordListRead(clinicId, actor, {
    action: 'registry.read',
    resourceType: 'registry',
    resourceId: null,
    patientIds,
  });
  return json;
}
