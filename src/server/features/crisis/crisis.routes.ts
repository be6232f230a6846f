import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { crisisResourceSetSchema, crisisSituationSchema } from '../../../shared/crisis/schemas.js';
import { crisisResourcesForPatient } from './crisis.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const query = z.object({ situation: crisisSituationSchema.default('self_harm') });

export function crisisRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/crisis-resources', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags: ['crisis'],
      params: patientParams,
      querystring: query,
      response: { 200: crisisResourceSetSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      crisisResourcesForPatient(deps, actorOf(request), request.params.patientId, request.query.situation),
  });
}
