import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  apiClientKeysSchema,
  apiClientListSchema,
  apiClientSchema,
  apiClientWithSecretSchema,
  newApiClientSchema,
} from '../../../shared/fhir/api-clients.js';
import * as service from './api-clients.service.js';

const tags = ['api-clients'];
const clientParams = z.object({ clientId: z.uuid() });

// Issue 16: the clinic admin's API clients (integrations reaching /fhir/R4 with a bearer token).
export function apiClientRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/api-clients', {
    config: { policy: policies.admin },
    schema: { tags, response: { 200: apiClientListSchema, ...errors(401, 403) } },
    handler: (request) => service.listApiClients(deps, actorOf(request)),
  });

  app.post('/api/admin/api-clients', {
    config: { policy: policies.admin },
    schema: {
      tags,
      body: newApiClientSchema,
      response: { 201: apiClientWithSecretSchema, ...errors(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const created = await service.createApiClient(deps, actorOf(request), request.body);
      return reply.status(201).header('etag', etag(created.client.version)).send(created);
    },
  });

  app.post('/api/admin/api-clients/:clientId/rotate', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: clientParams,
      response: { 200: apiClientWithSecretSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const rotated = await service.rotateApiClientSecret(
        deps,
        actorOf(request),
        request.params.clientId,
        requireIfMatch(request),
      );
      void reply.header('etag', etag(rotated.client.version));
      return rotated;
    },
  });

  app.post('/api/admin/api-clients/:clientId/revoke', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: clientParams,
      response: { 200: apiClientSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const client = await service.revokeApiClient(
        deps,
        actorOf(request),
        request.params.clientId,
        requireIfMatch(request),
      );
      void reply.header('etag', etag(client.version));
      return client;
    },
  });

  app.put('/api/admin/api-clients/:clientId/keys', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: clientParams,
      body: apiClientKeysSchema,
      response: { 200: apiClientSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const client = await service.setApiClientKeys(
        deps,
        actorOf(request),
        request.params.clientId,
        requireIfMatch(request),
        request.body,
      );
      void reply.header('etag', etag(client.version));
      return client;
    },
  });
}
