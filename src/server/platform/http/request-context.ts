import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';

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
