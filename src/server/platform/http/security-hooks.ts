import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { resolveSession, resolveSessionOnPatient } from '../auth/sessions.js';
import { rememberTeamMembership } from '../access/patient-access.js';
import { enforceTwoFactorSetupGate } from '../auth/two-factor-gate.js';
import type { Policy } from '../access/policy.js';
import { enforceDeclaredPolicy } from '../access/gate.js';
import { hashToken } from '../ids.js';

export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared policy: the authorization matrix test is generated from it. */
    routeTable: RouteEntry[];
  }
}

export const SESSION_COOKIE = 'duet_session';

const idHashes = new WeakMap<FastifyRequest, string>();

/**
 * The hash of the request's session cookie (how sessions are stored and the rate limit's key), computed once
 * per request (issue 19: both asked for it); undefined without a cookie.
 */
export function sessionIdHashOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  let idHash = idHashes.get(request);
  if (idHash === undefined) {
    idHash = hashToken(token);
    idHashes.set(request, idHash);
  }
  return idHash;
}
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One gate in front of every route: resolve the session, enforce the route's declared policy (a route
 * without one is refused), and require the CSRF token on state-changing requests made with the cookie.
 */
export function registerSecurityHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);

  // Deny by default at registration: an /api route without a policy stops the app from starting.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${route.method.toString()} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, policy });
    }
  });

  app.addHook('onRequest', async (request) => {
    const idHash = sessionIdHashOf(request);
    const policy = request.routeOptions.config.policy;
    // A patient's route: the gate's care-team check is read with the session, in one statement (issue 19).
    const patientId =
      policy?.access === 'patient'
        ? (request.params as Partial<Record<string, string>>).patientId
        : undefined;
    if (idHash !== undefined && patientId !== undefined) {
      const found = await resolveSessionOnPatient(
        deps.database.db,
        deps.clock,
        sessionPolicy(deps),
        idHash,
        patientId,
      );
      request.actor = found.actor;
      if (found.actor) rememberTeamMembership(found.actor, patientId, found.onTeam);
    } else {
      request.actor =
        idHash !== undefined
          ? await resolveSession(deps.database.db, deps.clock, sessionPolicy(deps), idHash)
          : null;
    }

    // No policy: static files, API docs, or the not-found handler (which answers 404 itself).
    if (policy) await enforcePolicy(request, policy, deps);
  });
}

export function sessionPolicy(deps: AppDeps) {
  return { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs };
}

async function enforcePolicy(request: FastifyRequest, policy: Policy, deps: AppDeps): Promise<void> {
  if (policy.access === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (MUTATING.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== actor.csrfToken) {
      throw new AppError(
        'csrf_failed',
        'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
      );
    }
  }
  enforceTwoFactorSetupGate(actor, request.routeOptions.config.duringTwoFactorSetup);
  if (policy.access === 'signed-in') return;
  // Roles, the patient's record and the policy's own rules: one gate (platform/access/gate.ts), before the
  // body is even validated, so a stranger learns nothing (not even which inputs are valid).
  const params = (request.params ?? {}) as Record<string, string>;
  await enforceDeclaredPolicy(
    deps,
    actor,
    policy,
    params,
    `${request.method} ${request.routeOptions.url ?? ''}`,
  );
}
