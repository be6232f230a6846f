import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  registryQuerySchema,
  registryResponseSchema,
  type RegistryResponse,
} from '../../../shared/registry/schemas.js';
import { readRegistryAudited } from './registry.service.js';

export function registryRoutes(app: App, deps: AppDeps): void {
  app.get('/api/registry', {
    config: { policy: policies.clinician },
    schema: {
      tags: ['registry'],
      querystring: registryQuerySchema,
      response: { 200: registryResponseSchema, ...errors(400, 401, 403) },
    },
    // The text is the 200 schema's JSON already (encoded with it where it was made): Fastify sends a JSON
    // string as it is, so the type says what the text holds.
    handler: async (request, reply) => {
      const json = await readRegistryAudited(deps, actorOf(request), request.query);
      return reply.type('application/json; charset=utf-8').send(json as unknown as RegistryResponse);
    },
  });
}
