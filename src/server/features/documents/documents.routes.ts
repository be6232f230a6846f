import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyRoles, policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  clinicalDocumentParamsSchema,
  documentQuerySchema,
  patientDocumentParamsSchema,
} from '../../../shared/documents/kinds.js';
import { myRecordSchema } from '../../../shared/documents/my-record.js';
import { pdfFileSchema } from '../../../shared/documents/api.js';
import { clinicalDocument, myDocument, myRecordFile, type RenderedDocument } from './documents.service.js';

const tags = ['documents'];
/** The patient's own documents; the care team prints from the patient page instead (403 tells them so). */
const patientOnly = onlyRoles(['patient'], {
  message: 'These are the patient’s own downloads; the care team prints documents from the patient page.',
  details: { reason: 'patient_only' },
});

/** A download: never cached (a shared computer keeps nothing), saved under a name without the patient's. */
function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer | string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

const sendPdf = (reply: FastifyReply, doc: RenderedDocument) =>
  sendFile(reply, 'application/pdf', doc.fileName, doc.bytes);

export function documentRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/documents/:kind.pdf', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: clinicalDocumentParamsSchema,
      querystring: documentQuerySchema,
      response: { 200: pdfFileSchema, ...errors(400, 401, 404) },
    },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await clinicalDocument(
          deps,
          actorOf(request),
          request.params.patientId,
          request.params.kind,
          request.query,
        ),
      ),
  });

  app.get('/api/me/documents/my-record.json', {
    config: { policy: patientOnly },
    schema: { tags, response: { 200: myRecordSchema, ...errors(401, 403, 404) } },
    handler: async (request, reply) => {
      const { record, fileName } = await myRecordFile(deps, actorOf(request));
      return reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(record);
    },
  });

  app.get('/api/me/documents/:kind.pdf', {
    config: { policy: patientOnly },
    schema: {
      tags,
      params: patientDocumentParamsSchema,
      querystring: documentQuerySchema,
      response: { 200: pdfFileSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (request, reply) =>
      sendPdf(reply, await myDocument(deps, actorOf(request), request.params.kind, request.query)),
  });
}
