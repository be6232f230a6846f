import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { signedInDevicesSchema } from '../../../shared/accounts/two-factor-schemas.js';
import * as devices from './devices.service.js';

const tags = ['auth'];

/** The account's signed-in devices (issue 13). */
export function deviceRoutes(app: App, deps: AppDeps): void {
  app.get('/api/auth/devices', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 200: signedInDevicesSchema, ...errors(401, 403) } },
    handler: async (request) => ({ devices: await devices.listDevices(deps, actorOf(request)) }),
  });

  app.delete('/api/auth/devices/:deviceId', {
    config: { policy: policies.signedIn },
    schema: {
      tags,
      params: z.object({ deviceId: z.string().regex(/^[0-9a-f]{32}$/) }),
      response: { 204: z.null(), ...errors(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await devices.revokeDevice(deps, actorOf(request), request.params.deviceId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/devices/sign-out-others', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (request, reply) => {
      await devices.signOutOtherDevices(deps, actorOf(request));
      return reply.status(204).send(null);
    },
  });
}
