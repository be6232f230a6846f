import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';

/** GET /fhir/R4/<path> with a bearer token; the parsed body and status. */
export async function fhirGet(app: FastifyInstance, token: string | null, path: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/fhir/R4/${path}`,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.statusCode, body: res.json<Resource>(), headers: res.headers };
}

/** A search: the searchset Bundle (an OperationOutcome on failure, then read through `status`). */
export async function fhirSearch(app: FastifyInstance, token: string, path: string) {
  const res = await fhirGet(app, token, path);
  return { status: res.status, body: res.body as Bundle };
}

export async function fhirPost(
  app: FastifyInstance,
  token: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: `/fhir/R4/${path}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', ...headers },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json<Resource>(), headers: res.headers };
}

/** The resources of a searchset Bundle. */
export const entriesOf = <T extends Resource>(b: Bundle) => (b.entry ?? []).map((e) => e.resource as T);

/** The path (after /fhir/R4/) of a Bundle's next link, or null. */
export function nextPath(b: Bundle): string | null {
  const url = b.link?.find((l) => l.relation === 'next')?.url;
  return url ? url.slice(url.indexOf('/fhir/R4/') + '/fhir/R4/'.length) : null;
}

type Headers = Record<string, string | string[] | number | undefined>;

/** A read's answer with its body as the resource type the test expects (checked when the read succeeded). */
export function typed<R extends Resource>(
  res: { status: number; body: Resource; headers: Headers },
  type: R['resourceType'],
): { status: number; body: R; headers: Headers } {
  if (res.status === 200 && res.body.resourceType !== type)
    throw new Error(`expected ${type}, got ${res.body.resourceType}`);
  return { ...res, body: res.body as R };
}
