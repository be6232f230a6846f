import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { twoFactorRoutes } from './two-factor.routes.js';
import { deviceRoutes } from './devices.routes.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { KNOWN_DEVICE_COOKIE, setKnownDeviceCookie } from '../../platform/auth/known-device.js';
import {
  secondFactorNeededSchema,
  secondFactorRequestSchema,
} from '../../../shared/accounts/two-factor-schemas.js';

const tokenParams = z.object({ token: z.string().min(16).max(128) });
const tags = ['auth'];

export function authRoutes(app: App, deps: AppDeps): void {
  // Issue 13: two-step sign-in settings and the signed-in devices list live beside sign-in.
  twoFactorRoutes(app, deps);
  deviceRoutes(app, deps);

  app.post('/api/auth/login', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: loginRequestSchema,
      response: { 200: z.union([sessionAnswerSchema, secondFactorNeededSchema]), ...errors(400, 401, 429) },
    },
    handler: async (request, reply) => {
      const answer = await auth.login(deps, request.body, request.ip, deviceOf(request));
      if ('secondFactorRequired' in answer) return answer;
      return signedInAnswer(reply, deps, answer);
    },
  });

  // Issue 13: the second step of signing in, for accounts with two-step sign-in on.
  app.post('/api/auth/second-factor', {
    config: { policy: policies.public },
    schema: {
      tags,
      body: secondFactorRequestSchema,
      response: { 200: sessionAnswerSchema, ...errors(400, 401, 429) },
    },
    handler: async (request, reply) =>
      signedInAnswer(reply, deps, await auth.secondFactor(deps, request.body, request.ip, deviceOf(request))),
  });

  app.post('/api/auth/logout', {
    config: { policy: policies.signedIn, duringTwoFactorSetup: true },
    schema: { tags, response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (request, reply) => {
      await auth.logout(deps, actorOf(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/session', {
    config: { policy: policies.signedIn, duringTwoFactorSetup: true },
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
      const signedIn = await auth.changePassword(
        deps,
        actorOf(request),
        request.body,
        request.ip,
        deviceOf(request),
      );
      setSessionCookie(reply, deps.config, signedIn.token);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  });

  app.get('/api/invites/:token', {
    config: { policy: policies.public },
    schema: { tags, params: tokenParams, response: { 200: invitePreviewSchema, ...errors(400, 404, 429) } },
    handler: (request) => auth.previewInvite(deps, request.params.token, request.ip),
  });

  app.post('/api/invites/:token/accept', {
    config: { policy: policies.public },
    schema: {
      tags,
      params: tokenParams,
      body: acceptInviteRequestSchema,
      response: { 200: sessionAnswerSchema, ...errors(400, 404, 429) },
    },
    handler: async (request, reply) => {
      const signedIn = await auth.acceptInvite(deps, request.params.token, request.body.password, {
        ...deviceOf(request),
        ip: request.ip,
      });
      return signedInAnswer(reply, deps, signedIn);
    },
  });
}

function deviceOf(request: FastifyRequest): auth.SignInDevice {
  return {
    userAgent: request.headers['user-agent'],
    knownDeviceToken: request.cookies[KNOWN_DEVICE_COOKIE],
  };
}

/** Sets the session (and known-device) cookies and answers the session. */
function signedInAnswer(reply: FastifyReply, deps: AppDeps, signedIn: auth.SignedIn) {
  setSessionCookie(reply, deps.config, signedIn.token);
  if (signedIn.knownDeviceToken)
    setKnownDeviceCookie(reply, deps.config.cookieSecure, signedIn.knownDeviceToken);
  return {
    user: signedIn.user,
    csrfToken: signedIn.csrfToken,
    ...(signedIn.twoFactorSetupRequired ? { twoFactorSetupRequired: true } : {}),
  };
}
