import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  accountEmailSchema,
  emailChangeConfirmedSchema,
  emailChangeConfirmSchema,
  emailChangeRequestSchema,
} from '../../../shared/accounts/account-recovery.js';
import * as emailChange from './email-change.service.js';

const tags = ['auth'];

export function emailChangeRoutes(app: App, deps: AppDeps): void {
  app.get('/api/account/email', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 200: accountEmailSchema, ...errors(401) } },
    handler: (request) => emailChange.accountEmail(deps, actorOf(request)),
  });

  app.post('/api/account/email', {
    config: { policy: policies.signedIn },
    schema: {
      tags,
      body: emailChangeRequestSchema,
      response: { 202: accountEmailSchema, ...errors(400, 401, 403, 409, 429) },
    },
    handler: async (request, reply) => {
      const answer = await emailChange.requestOwnEmailChange(
        deps,
        actorOf(request),
        request.body,
        request.ip,
      );
      return reply.status(202).send(answer);
    },
  });

  // Public: the link is often opened on another device than the one signed in (the phone's mail app).
  app.post('/api/account/email/confirm', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: emailChangeConfirmSchema,
      response: { 200: emailChangeConfirmedSchema, ...errors(400, 409, 429) },
    },
    handler: (request) => emailChange.confirmEmailChange(deps, request.body.token, request.ip),
  });
}
