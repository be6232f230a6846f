import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, policies, rules } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  agendaItemChangeSchema,
  agendaItemSchema,
  agendaListQuerySchema,
  agendaListSchema,
  newAgendaItemSchema,
} from '../../../shared/visit-agenda/schemas.js';
import * as agenda from './visit-agenda.service.js';
import { visitSummaryRoutes } from './visit-summary.routes.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const itemParams = patientParams.extend({ itemId: z.uuid() });
const tags = ['visit-agenda'];

/** Only the patient writes "What I want to talk about"; the care team reads it (403 tells them so). */
const patientWrites = onlyFor([rules.self], {
  message: 'Only the patient adds and changes their own items; the care team marks them discussed.',
  details: { reason: 'patient_only' },
});

export function visitAgendaRoutes(app: App, deps: AppDeps): void {
  visitSummaryRoutes(app, deps);

  app.get('/api/patients/:patientId/agenda-items', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: agendaListQuerySchema,
      response: { 200: agendaListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => agenda.listAgenda(deps, actorOf(request), request.params.patientId, request.query),
  });

  app.post('/api/patients/:patientId/agenda-items', {
    config: { policy: patientWrites },
    schema: {
      tags,
      params: patientParams,
      body: newAgendaItemSchema,
      response: { 200: agendaItemSchema, 201: agendaItemSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { item, created } = await agenda.addAgendaItem(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(item.version))
        .send(item);
    },
  });

  app.patch('/api/patients/:patientId/agenda-items/:itemId', {
    config: { policy: patientWrites },
    schema: {
      tags,
      params: itemParams,
      body: agendaItemChangeSchema,
      response: { 200: agendaItemSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const item = await agenda.changeAgendaItem(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.itemId,
        requireIfMatch(request),
        request.body,
      );
      return reply.header('etag', etag(item.version)).send(item);
    },
  });

  app.delete('/api/patients/:patientId/agenda-items/:itemId', {
    config: { policy: patientWrites },
    schema: {
      tags,
      params: itemParams,
      response: { 204: z.null(), ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      await agenda.deleteAgendaItem(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.itemId,
        requireIfMatch(request),
      );
      return reply.status(204).send(null);
    },
  });

  app.post('/api/patients/:patientId/agenda-items/:itemId/discussed', {
    // Any member of the care team (the service checks the item was addressed to them).
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: itemParams,
      response: { 200: agendaItemSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const item = await agenda.markDiscussed(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.itemId,
        requireIfMatch(request),
      );
      return reply.header('etag', etag(item.version)).send(item);
    },
  });
}
