import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  PASSWORD_RESET_REQUESTED,
  passwordResetCompleteSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
} from '../../../shared/accounts/account-recovery.js';
import * as reset from './password-reset.service.js';

const tags = ['auth'];

/** "Forgot password": public like sign-in (no session, so no CSRF token), throttled like sign-in. */
export function passwordResetRoutes(app: App, deps: AppDeps): void {
  app.post('/api/auth/password-reset', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: passwordResetRequestSchema,
      response: { 202: passwordResetRequestedSchema, ...errors(400, 429) },
    },
    handler: async (request, reply) => {
      await reset.requestPasswordReset(deps, request.body.email, request.ip);
      return reply.status(202).send({ message: PASSWORD_RESET_REQUESTED });
    },
  });

  app.post('/api/auth/password-reset/complete', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: passwordResetCompleteSchema,
      response: { 200: passwordResetDoneSchema, ...errors(400, 429) },
    },
    handler: async (request) => {
      await reset.completePasswordReset(deps, request.body, request.ip);
      return { message: 'Your password was changed. Sign in with your new password.' };
    },
  });
}
