import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import '../../platform/auth/two-factor-gate.js';
import {
  confirmTwoFactorRequestSchema,
  passwordAndCodeRequestSchema,
  recoveryCodesSchema,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from '../../../shared/accounts/two-factor-schemas.js';
import * as twoFactor from './two-factor.service.js';

const tags = ['auth'];
// A staff session that must set up two-step sign-in reaches these routes (and nothing else but the session
// answer and sign-out).
const config = { policy: policies.signedIn, duringTwoFactorSetup: true } as const;

/** Two-step sign-in in the user's settings (issue 13). */
export function twoFactorRoutes(app: App, deps: AppDeps): void {
  app.get('/api/auth/two-factor', {
    config,
    schema: { tags, response: { 200: twoFactorStatusSchema, ...errors(401, 403) } },
    handler: (request) => twoFactor.twoFactorStatus(deps, actorOf(request)),
  });

  app.post('/api/auth/two-factor/setup', {
    config,
    schema: { tags, response: { 200: twoFactorSetupSchema, ...errors(401, 403, 409) } },
    handler: (request) => twoFactor.startTwoFactorSetup(deps, actorOf(request)),
  });

  app.post('/api/auth/two-factor/confirm', {
    config,
    schema: {
      tags,
      body: confirmTwoFactorRequestSchema,
      response: { 200: recoveryCodesSchema, ...errors(400, 401, 403, 409) },
    },
    handler: (request) => twoFactor.confirmTwoFactorSetup(deps, actorOf(request), request.body.code),
  });

  app.post('/api/auth/two-factor/recovery-codes', {
    config: { policy: policies.signedIn },
    schema: {
      tags,
      body: passwordAndCodeRequestSchema,
      response: { 200: recoveryCodesSchema, ...errors(400, 401, 403, 429) },
    },
    handler: (request) => twoFactor.regenerateRecoveryCodes(deps, actorOf(request), request.body, request.ip),
  });

  app.post('/api/auth/two-factor/off', {
    config: { policy: policies.signedIn },
    schema: {
      tags,
      body: passwordAndCodeRequestSchema,
      response: { 204: z.null(), ...errors(400, 401, 403, 409, 429) },
    },
    handler: async (request, reply) => {
      await twoFactor.turnTwoFactorOff(deps, actorOf(request), request.body, request.ip);
      return reply.status(204).send(null);
    },
  });
}
