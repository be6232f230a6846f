import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { fhirResourceTypes, type FhirResourceType } from '../../../shared/fhir/scopes.js';
import { countOf, decodeCursor, paramsOf } from '../../../shared/fhir/search.js';
import { authenticate, fhirClientOf, requireScope } from './fhir-client.js';
import { FhirError, operationOutcome } from './outcome.js';
import { handlers } from './registry.js';
import { capabilityStatement } from './capability.js';
import { orThrow } from './params.js';
import type { FhirContext } from './access.js';
import { searchBundle } from './bundle.js';
import { BundleRefused, createOne, runTransaction, singleCreateTypes } from './transaction.js';
import { exportRoutes } from './export/export.routes.js';

/** The types a client can create on their own (docs/fhir.md, "Writes"; a Bundle also MedicationRequest). */
const creatable: readonly FhirResourceType[] = singleCreateTypes;
/** A transaction Bundle of up to 100 entries can be larger than the app's body limit for forms. */
const BUNDLE_BODY_LIMIT = 8 * 1024 * 1024;

export const FHIR_BASE_PATH = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** JSON text or its UTF-8 bytes as they are (a string or Buffer payload skips Fastify's serializer). */
const sendJson = (reply: FastifyReply, status: number, json: string | Buffer) =>
  reply.status(status).header('content-type', FHIR_JSON).header('cache-control', 'no-store').send(json);

const send = (reply: FastifyReply, status: number, body: object) =>
  sendJson(reply, status, JSON.stringify(body));

function handlerOf(type: string) {
  const handler = (fhirResourceTypes as readonly string[]).includes(type)
    ? handlers.get(type as FhirResourceType)
    : undefined;
  if (!handler) throw new FhirError(404, 'not-supported', `Resource type ${type} is not served here.`);
  return handler;
}

/**
 * `/fhir/R4`: bearer tokens only (cookies and CSRF play no part), `application/fhir+json`, every failure an
 * OperationOutcome. Out of the client's clinic or care-team limit: 404 like an unknown id; a scope the token
 * lacks: 403. These routes are outside `/api`, so the authorization matrix does not list them: their own
 * access test is fhir-access.int.test.ts.
 */
export function fhirRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = `${deps.config.publicUrl}${FHIR_BASE_PATH}`;
  void app.register(
    (fhir, _opts, done) => {
      fhir.decorateRequest('fhirClient', null);
      fhir.addContentTypeParser(['application/fhir+json'], { parseAs: 'string' }, (_req, text, parsed) => {
        try {
          parsed(null, JSON.parse(String(text)));
        } catch {
          parsed(new FhirError(400, 'structure', 'The body is not valid JSON.'), undefined);
        }
      });
      fhir.setErrorHandler((err: FastifyError | FhirError, request, reply) => {
        if (err instanceof BundleRefused) return send(reply, err.status, err.outcome);
        if (err instanceof FhirError) {
          if (err.headers) void reply.headers(err.headers);
          return send(reply, err.status, operationOutcome(err.code, err.diagnostics, err.expression));
        }
        const status = err.statusCode ?? 500;
        if (status === 415)
          return send(reply, 415, operationOutcome('not-supported', 'Send application/fhir+json.'));
        if (status >= 400 && status < 500)
          return send(reply, 400, operationOutcome('structure', 'The request could not be read.'));
        request.log.error(
          {
            err: { name: err.name, message: err.message, stack: err.stack },
            route: request.routeOptions.url,
          },
          'unhandled FHIR error',
        );
        return send(reply, 500, operationOutcome('exception', 'Something went wrong on our side.'));
      });
      fhir.setNotFoundHandler((_request, reply) =>
        send(reply, 404, operationOutcome('not-found', 'No such FHIR route.')),
      );
      fhir.addHook('onRequest', async (request) => {
        if (request.routeOptions.url === `${FHIR_BASE_PATH}/metadata`) return;
        request.fhirClient = await authenticate(deps, request);
      });

      fhir.get('/metadata', (_request, reply) =>
        send(
          reply,
          200,
          capabilityStatement(
            deps.config.publicUrl,
            [...handlers.values()],
            creatable,
            new Date(deps.clock.now()).toISOString(),
          ),
        ),
      );

      fhir.get<{ Params: { type: string; id: string } }>('/:type/:id', async (request, reply) => {
        const handler = handlerOf(request.params.type);
        const client = fhirClientOf(request);
        requireScope(client, handler.type, 'r');
        const ctx: FhirContext = { deps, client, base };
        const resource = await handler.read(ctx, request.params.id);
        const version = resource.meta?.versionId;
        if (version) void reply.header('etag', `W/"${version}"`);
        return send(reply, 200, resource);
      });

      fhir.get<{ Params: { type: string }; Querystring: Record<string, unknown> }>(
        '/:type',
        async (request, reply) => {
          const handler = handlerOf(request.params.type);
          const client = fhirClientOf(request);
          requireScope(client, handler.type, 's');
          const params = orThrow(paramsOf(request.query, [...handler.params, '_count', '_cursor']));
          const count = orThrow(countOf(params.get('_count')));
          const cursor = orThrow(decodeCursor(params.get('_cursor')?.at(-1)));
          params.delete('_count');
          params.delete('_cursor');
          const page = await handler.search({ deps, client, base }, params, count, cursor);
          return sendJson(reply, 200, searchBundle(base, handler.type, request.query, page));
        },
      );
      fhir.post<{ Params: { type: string } }>('/:type', async (request, reply) => {
        const handler = handlerOf(request.params.type);
        if (!creatable.includes(handler.type))
          throw new FhirError(405, 'not-supported', `Creating ${handler.type} is not supported.`);
        const client = fhirClientOf(request);
        requireScope(client, handler.type, 'c');
        const ifNoneExist = request.headers['if-none-exist'];
        const result = await createOne(
          { deps, client, base },
          handler.type,
          request.body,
          typeof ifNoneExist === 'string' ? ifNoneExist : undefined,
        );
        const version = result.resource.meta?.versionId ?? '1';
        void reply
          .header('location', `${base}/${handler.type}/${result.id}/_history/${version}`)
          .header('etag', `W/"${version}"`);
        return send(reply, result.created ? 201 : 200, result.resource);
      });
      // A transaction Bundle (docs/fhir.md "Writes"): all or nothing; the scopes are each entry type's `c`.
      fhir.post('/', { bodyLimit: BUNDLE_BODY_LIMIT }, async (request, reply) =>
        send(reply, 200, await runTransaction({ deps, client: fhirClientOf(request), base }, request.body)),
      );
      exportRoutes(fhir, deps, base);
      done();
    },
    { prefix: FHIR_BASE_PATH },
  );
}
