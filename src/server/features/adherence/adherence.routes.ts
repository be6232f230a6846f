import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { adherenceSummarySchema } from '../../../shared/adherence/schemas.js';
import { adherenceSummary } from './adherence.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });

export function adherenceRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/adherence', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags: ['adherence'],
      params: patientParams,
      response: { 200: adherenceSummarySchema, ...errors(400, 401, 404) },
    },
    handler: (request) => adherenceSummary(deps, actorOf(request), request.params.patientId),
  });
}
