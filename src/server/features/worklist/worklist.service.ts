import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { WorklistQuery, WorklistResponse } from '../../../shared/worklist/schemas.js';

/**
 * GET /api/worklist (issue 15): the worklist read (worklist-read.ts), on a read worker when the server runs
 * them, then audited like the registry: one `worklist.read` list event naming the patients shown (issue 19; an
 * empty list is one event naming none), in the shared commit of audited reads.
 */
export async function readWorklist(
  deps: AppDeps,
  actor: Actor,
  query: WorklistQuery,
): Promise<WorklistResponse> {
  const { clinicId, userId } = actor;
  const now = deps.clock.now();
  const response = await deps.reads.run('worklistRead', { clinicId, userId, now, zone: query.zone ?? null });
  await deps.audit.recordListRead(clinicId, actor, {
    action: 'worklist.read',
    resourceType: 'worklist',
    resourceId: null,
    patientIds: response.patients.map((p) => p.patientId),
  });
  return response;
}
