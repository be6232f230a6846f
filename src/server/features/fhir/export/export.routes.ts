import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { fhirClientOf } from '../fhir-client.js';
import { operationOutcome } from '../outcome.js';
import type { FhirContext } from '../access.js';
import type { ExportLevel } from './export-request.js';
import { cancelExport, exportFile, exportStatus, startExport, statusPath } from './export.service.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const send = (reply: FastifyReply, status: number, body: object, type = FHIR_JSON) =>
  reply
    .status(status)
    .header('content-type', type)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));

const headerOf = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * FHIR Bulk Data Access IG v2 (hl7.org/fhir/uv/bulkdata/export.html): kick-off at the system, Group (the
 * clinic) and Patient levels, the status URL (poll, DELETE to cancel) and the NDJSON files. Registered inside
 * `/fhir/R4` (bearer token, OperationOutcome errors); status, files and cancel answer only the client that
 * started the export (another client: 404).
 */
export function exportRoutes(fhir: FastifyInstance, deps: AppDeps, base: string): void {
  const ctxOf = (request: FastifyRequest): FhirContext => ({ deps, client: fhirClientOf(request), base });
  const kickOff = async (
    request: FastifyRequest,
    reply: FastifyReply,
    level: ExportLevel,
    groupId: string | null,
  ) => {
    const { jobId } = await startExport(ctxOf(request), {
      level,
      groupId,
      url: `${deps.config.publicUrl}${request.url}`,
      query: request.query as Record<string, unknown>,
      headers: { prefer: headerOf(request, 'prefer'), accept: headerOf(request, 'accept') },
    });
    void reply.header('content-location', `${base}/${statusPath(jobId)}`);
    return send(
      reply,
      202,
      operationOutcome(
        'informational',
        'The export has started; poll the Content-Location URL.',
        undefined,
        'information',
      ),
    );
  };

  fhir.get('/$export', (request, reply) => kickOff(request, reply, 'system', null));
  fhir.get('/Patient/$export', (request, reply) => kickOff(request, reply, 'patient', null));
  fhir.get<{ Params: { id: string } }>('/Group/:id/$export', (request, reply) =>
    kickOff(request, reply, 'group', request.params.id),
  );

  fhir.get<{ Params: { jobId: string } }>('/$export-status/:jobId', async (request, reply) => {
    const status = await exportStatus(ctxOf(request), request.params.jobId);
    if (status.kind === 'running')
      return reply
        .status(202)
        .header('x-progress', status.progress)
        .header('retry-after', '2')
        .header('cache-control', 'no-store')
        .send();
    if (status.kind === 'failed') return send(reply, 500, operationOutcome('exception', status.message));
    void reply.header('expires', new Date(status.expiresAt).toUTCString());
    return send(reply, 200, status.manifest, 'application/json; charset=utf-8');
  });

  fhir.delete<{ Params: { jobId: string } }>('/$export-status/:jobId', async (request, reply) => {
    await cancelExport(ctxOf(request), request.params.jobId);
    return send(
      reply,
      202,
      operationOutcome(
        'informational',
        'The export is cancelled and its files removed.',
        undefined,
        'information',
      ),
    );
  });

  fhir.get<{ Params: { jobId: string; file: string } }>(
    '/$export-file/:jobId/:file',
    async (request, reply) => {
      const file = await exportFile(ctxOf(request), request.params.jobId, request.params.file);
      return reply
        .status(200)
        .header('content-type', 'application/fhir+ndjson')
        .header('cache-control', 'no-store')
        .send(createReadStream(file));
    },
  );
}
