import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyOfTeam, policies, rules } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  consultCloseSchema,
  consultListSchema,
  myConsultListSchema,
  consultReplySchema,
  consultSchema,
  myConsultsQuerySchema,
  newConsultSchema,
  patientConsultsQuerySchema,
} from '../../../shared/messaging/schemas.js';
import * as consults from './consults.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const consultParams = patientParams.extend({ consultId: z.uuid() });
const tags = ['consults'];

/** Only the clinician who was asked answers a consult; either of the two closes it (403 for the rest of the team). */
const askedAnswers = onlyOfTeam([rules.party(consults.askedClinician)], {
  message: 'Only the clinician who was asked can answer this consult.',
});
const eitherSideCloses = onlyOfTeam([rules.party(consults.consultParties)], {
  message: 'Only the two clinicians can close it.',
});

export function consultRoutes(app: App, deps: AppDeps): void {
  app.get('/api/consults', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      querystring: myConsultsQuerySchema,
      response: { 200: myConsultListSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => consults.myConsults(deps, actorOf(request), request.query),
  });

  app.get('/api/patients/:patientId/consults', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: patientConsultsQuerySchema,
      response: { 200: consultListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      consults.patientConsults(deps, actorOf(request), request.params.patientId, request.query),
  });

  app.post('/api/patients/:patientId/consults', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newConsultSchema,
      response: { 200: consultSchema, 201: consultSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { consult, created } = await consults.requestConsult(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(consult.version))
        .send(consult);
    },
  });

  app.get('/api/patients/:patientId/consults/:consultId', {
    config: { policy: policies.careTeam },
    schema: { tags, params: consultParams, response: { 200: consultSchema, ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const consult = await consults.getConsult(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.consultId,
      );
      void reply.header('etag', etag(consult.version));
      return consult;
    },
  });

  app.post('/api/patients/:patientId/consults/:consultId/reply', {
    config: { policy: askedAnswers },
    schema: {
      tags,
      params: consultParams,
      body: consultReplySchema,
      response: { 200: consultSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const consult = await consults.closeConsult(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.consultId,
        requireIfMatch(request),
        { reply: request.body.reply },
      );
      void reply.header('etag', etag(consult.version));
      return consult;
    },
  });

  app.post('/api/patients/:patientId/consults/:consultId/close', {
    config: { policy: eitherSideCloses },
    schema: {
      tags,
      params: consultParams,
      body: consultCloseSchema,
      response: { 200: consultSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const consult = await consults.closeConsult(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.consultId,
        requireIfMatch(request),
        { note: request.body.note },
      );
      void reply.header('etag', etag(consult.version));
      return consult;
    },
  });
}
