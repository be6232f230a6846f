import type { FastifyRequest } from 'fastify';
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';
import { sessionIdHashOf } from './security-hooks.js';

/**
 * The general API rate limit (docs/security.md "Sign-in throttling"): config.rateLimitPerMinute requests per
 * minute per session, or per client address (config.trustProxy decides which address) when there is no
 * session cookie. Only /api is limited, and never /api/health (load balancers poll it). The count is kept
 * in memory per app instance; sign-in guesses have their own database-backed throttle.
 */
export function rateLimitOptions(config: Config): RateLimitPluginOptions {
  return {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) =>
      !request.url.startsWith('/api/') || request.url.startsWith('/api/health'),
    keyGenerator: (request: FastifyRequest) => {
      const session = sessionIdHashOf(request);
      return session !== undefined ? 'session:' + session : 'client:' + request.ip;
    },
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'rate_limited',
        `Too many requests. Try again in ${String(seconds)} seconds.`,
        { retryAfterSeconds: seconds },
        { 'retry-after': String(seconds) },
      );
    },
  };
}
