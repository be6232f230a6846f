import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { worklistQuerySchema, worklistResponseSchema } from '../../../shared/worklist/schemas.js';
import { readWorklist } from './worklist.service.js';

export function worklistRoutes(app: App, deps: AppDeps): void {
  app.get('/api/worklist', {
    config: { policy: policies.clinician },
    schema: {
      tags: ['worklist'],
      querystring: worklistQuerySchema,
      response: { 200: worklistResponseSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => readWorklist(deps, actorOf(request), request.query),
  });
}
