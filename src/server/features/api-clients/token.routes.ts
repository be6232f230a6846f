import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { formatScopes } from '../../../shared/fhir/scopes.js';
import { fhirResourceTypes } from '../../../shared/fhir/scopes.js';
import { signingAlgorithms } from '../../../shared/fhir/jwks.js';
import { issueToken, OAuthError } from './token.service.js';
import { createTokenThrottle } from './token-throttle.js';

/** Client id and secret from `Authorization: Basic` (RFC 6749 §2.3.1: each form-urlencoded, then base64). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.toLowerCase().startsWith('basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
    };
  } catch {
    return null;
  }
}

const field = (body: unknown, name: string): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

function oauthError(reply: FastifyReply, err: OAuthError) {
  if (err.status === 401) void reply.header('www-authenticate', 'Basic realm="duet"');
  return reply
    .status(err.status)
    .header('cache-control', 'no-store')
    .send({ error: err.error, error_description: err.description });
}

/**
 * SMART configuration (SMART App Launch 2.x, "Conformance"): what a backend-services client needs to find the
 * token endpoint. Served at the site root and at the FHIR base, where SMART clients look for it.
 */
export function smartConfiguration(publicUrl: string) {
  return {
    issuer: publicUrl,
    token_endpoint: `${publicUrl}/oauth2/token`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: [...signingAlgorithms],
    scopes_supported: [
      'system/*.rs',
      ...fhirResourceTypes.map((t) => formatScopes([{ type: t, permissions: ['r', 's'] }])),
    ],
    capabilities: ['client-confidential-symmetric', 'client-confidential-asymmetric', 'permission-v2'],
  };
}

/**
 * `POST /oauth2/token` and `/.well-known/smart-configuration`: outside `/api` (no session, no CSRF: the
 * client's credentials are the key), in their own plugin so the form parser applies to them alone.
 */
export function tokenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const throttle = createTokenThrottle(deps.clock);
  void app.register((scope, _opts, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8192 },
      (_req, text, parsed) => {
        parsed(null, Object.fromEntries(new URLSearchParams(String(text))));
      },
    );
    scope.setErrorHandler((err, _request, reply) =>
      oauthError(
        reply,
        err instanceof OAuthError ? err : new OAuthError('invalid_request', 'The request could not be read.'),
      ),
    );
    scope.post('/oauth2/token', async (request: FastifyRequest, reply) => {
      const wait = throttle.take(request.ip);
      if (wait > 0)
        return reply
          .status(429)
          .header('retry-after', String(wait))
          .header('cache-control', 'no-store')
          .send({
            error: 'invalid_request',
            error_description: `Too many token requests. Try again in ${String(wait)} seconds.`,
          });
      const type = request.headers['content-type'] ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded'))
        return oauthError(
          reply,
          new OAuthError('invalid_request', 'Send the form as application/x-www-form-urlencoded.'),
        );
      const basic = basicCredentials(request.headers.authorization);
      const bodyId = field(request.body, 'client_id');
      if (basic && bodyId !== undefined && bodyId !== basic.id)
        return oauthError(
          reply,
          new OAuthError('invalid_request', 'Send the client credentials one way only.'),
        );
      const answer = await issueToken(deps, {
        grantType: field(request.body, 'grant_type'),
        clientId: basic?.id ?? bodyId,
        clientSecret: basic?.secret ?? field(request.body, 'client_secret'),
        clientAssertionType: field(request.body, 'client_assertion_type'),
        clientAssertion: field(request.body, 'client_assertion'),
        scope: field(request.body, 'scope'),
      });
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(answer);
    });
    const config = smartConfiguration(deps.config.publicUrl);
    for (const url of ['/.well-known/smart-configuration', '/fhir/R4/.well-known/smart-configuration'])
      scope.get(url, (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(config));
    done();
  });
}
