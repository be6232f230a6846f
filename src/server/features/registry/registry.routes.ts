import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { registryQuerySchema, registryResponseSchema } from '../../../shared/registry/schemas.js';
import { registry } from './registry.service.js';

export function registryRoutes(app: App, deps: AppDeps): void {
  app.get('/api/registry', {
    config: { policy: policies.clinician },
    schema: {
      tags: ['registry'],
      querystring: registryQuerySchema,
      response: { 200: registryResponseSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => registry(deps, actorOf(request), request.query),
  });
}
