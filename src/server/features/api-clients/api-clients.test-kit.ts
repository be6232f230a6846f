import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import type { BuiltUser } from '../../testing/factories.js';
import { createApiClient } from './api-clients.service.js';

/** An API client made through the real service; its secret as shown once. */
export async function buildApiClient(
  deps: AppDeps,
  admin: BuiltUser,
  scopes = 'system/*.rs system/Observation.c system/QuestionnaireResponse.c',
  teamMemberIds?: string[],
) {
  const made = await createApiClient(deps, admin.actor, {
    name: 'EHR integration',
    scopes,
    ...(teamMemberIds ? { teamMemberIds } : {}),
  });
  return { id: made.client.id, secret: made.clientSecret, version: made.client.version };
}

/** A bearer token for the client, through `POST /oauth2/token` with HTTP Basic. */
export async function tokenFor(app: FastifyInstance, client: { id: string; secret: string }, scope?: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
    },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      ...(scope ? { scope } : {}),
    }).toString(),
  });
  if (res.statusCode !== 200) throw new Error(`token: ${String(res.statusCode)} ${res.body}`);
  return res.json<{ access_token: string; scope: string }>().access_token;
}
