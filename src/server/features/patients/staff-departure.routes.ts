import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { staffUserSchema } from '../../../shared/accounts/schemas.js';
import { deactivateRequestSchema, deactivationImpactSchema } from '../../../shared/accounts/deactivation.js';
import { deactivateStaff, deactivationImpact } from './staff-departure.service.js';

const userParams = z.object({ userId: z.string().min(1).max(64) });
const tags = ['accounts'];

/**
 * The admin's deactivation of a staff member (issue 15). It lives with the care teams it changes: accounts
 * cannot import this feature (patients already imports accounts' face), so the care-team owner orchestrates.
 */
export function staffDepartureRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/users/:userId/deactivation-impact', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: userParams,
      response: { 200: deactivationImpactSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (request) => deactivationImpact(deps, actorOf(request), request.params.userId),
  });

  app.post('/api/admin/users/:userId/deactivate', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: userParams,
      body: deactivateRequestSchema,
      response: { 200: z.object({ user: staffUserSchema }), ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request) => ({
      user: await deactivateStaff(deps, actorOf(request), request.params.userId, request.body.assignments),
    }),
  });
}
