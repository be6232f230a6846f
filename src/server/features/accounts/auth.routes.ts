import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  acceptInviteRequestSchema,
  changePasswordRequestSchema,
  invitePreviewSchema,
  loginRequestSchema,
  sessionAnswerSchema,
} from '../../../shared/accounts/schemas.js';
import * as auth from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

const tokenParams = z.object({ token: z.string().min(16).max(128) });
const tags = ['auth'];

export function authRoutes(app: App, deps: AppDeps): void {
  app.post('/api/auth/login', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: loginRequestSchema,
      response: { 200: sessionAnswerSchema, ...errors(400, 401, 429) },
    },
    handler: async (request, reply) => {
      const signedIn = await auth.login(deps, request.body, request.ip);
      setSessionCookie(reply, deps.config, signedIn.token);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  });

  app.post('/api/auth/logout', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (request, reply) => {
      await auth.logout(deps, actorOf(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/session', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 200: sessionAnswerSchema, ...errors(401) } },
    handler: (request) => auth.currentSession(deps, actorOf(request)),
  });

  app.post('/api/auth/password', {
    config: { policy: policies.signedIn },
    schema: {
      tags,
      body: changePasswordRequestSchema,
      response: { 200: sessionAnswerSchema, ...errors(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const signedIn = await auth.changePassword(deps, actorOf(request), request.body, request.ip);
      setSessionCookie(reply, deps.config, signedIn.token);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  });

  app.get('/api/invites/:token', {
    config: { policy: policies.public },
    schema: { tags, params: tokenParams, response: { 200: invitePreviewSchema, ...errors(400, 404) } },
    handler: (request) => auth.previewInvite(deps, request.params.token),
  });

  app.post('/api/invites/:token/accept', {
    config: { policy: policies.public },
    schema: {
      tags,
      params: tokenParams,
      body: acceptInviteRequestSchema,
      response: { 200: sessionAnswerSchema, ...errors(400, 404) },
    },
    handler: async (request, reply) => {
      const signedIn = await auth.acceptInvite(deps, request.params.token, request.body.password);
      setSessionCookie(reply, deps.config, signedIn.token);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  });
}
