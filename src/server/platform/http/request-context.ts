import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { RequestScope, enterScope } from '../request-scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor; the route's policy has already guaranteed there is one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.actor;
}

/** Reads `If-Match: "7"` (quotes and W/ optional). Missing → 428, unreadable → 400. */
export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '') {
    throw new AppError('precondition_required', 'Send If-Match with the version you edited (from the ETag).');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match?.[1]) throw new AppError('validation_failed', 'If-Match must be a version number such as "3".');
  return Number(match[1]);
}

export const etag = (version: number): string => `"${String(version)}"`;

const scopeOfRequest = new WeakMap<FastifyRequest, RequestScope>();

/**
 * Every request runs in its own RequestScope (issue 18: the clinic's settings and a patient's basics are
 * read at most once per request). The scope is entered when the request arrives and re-entered before
 * validation, because reading the body runs in the socket's context, not the request's. Re-entering the one
 * store is enough (issue 19): an AsyncResource per request, which restores every async context, cost each
 * request an object and its async-hook callbacks, and nothing else here keeps an async context.
 * Register before any hook that reads settings or patients.
 */
export function registerRequestScope(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const scope = new RequestScope((fields, message) => {
      request.log.warn(fields, message);
    });
    scopeOfRequest.set(request, scope);
    enterScope(scope, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = scopeOfRequest.get(request);
    if (scope) enterScope(scope, done);
    else done();
  });
}
