import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  careTeamChangeSchema,
  careTeamUpdateSchema,
  caseloadResponseSchema,
  newPatientSchema,
  patientOverviewSchema,
  patientUpdateSchema,
  type CaseloadResponse,
} from '../../../shared/patients/schemas.js';
import * as patients from './patients.service.js';
import { listLimitSchema } from '../../../shared/lists/limit-query.js';
import { CARE_TEAM_CHANGES_MAX } from '../../../shared/lists/limits.js';
import { staffDepartureRoutes } from './staff-departure.routes.js';
import { accessReport, accessTimes } from './access-report.service.js';
import {
  accessReportQuerySchema,
  accessReportSchema,
  accessTimesQuerySchema,
  accessTimesSchema,
} from '../../../shared/audit/access-report-schemas.js';

// Any id shape is accepted: a malformed id is simply unknown, and unknown ids answer 404 like a stranger's record.
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const tags = ['patients'];

export function patientRoutes(app: App, deps: AppDeps): void {
  staffDepartureRoutes(app, deps);
  app.get('/api/patients', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      response: { 200: caseloadResponseSchema, ...errors(401, 403) },
    },
    // The text is the 200 schema's JSON already (encoded with it where it was made, caseload-read.ts):
    // Fastify sends a JSON string as it is.
    handler: async (request, reply) => {
      const json = await patients.caseload(deps, actorOf(request));
      return reply.type('application/json; charset=utf-8').send(json as unknown as CaseloadResponse);
    },
  });

  app.post('/api/patients', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      body: newPatientSchema,
      response: { 201: patientOverviewSchema, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const overview = await patients.enrolPatient(deps, actorOf(request), request.body);
      return reply.status(201).header('etag', etag(overview.version)).send(overview);
    },
  });

  app.get('/api/patients/:patientId', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: patientOverviewSchema, ...errors(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const overview = await patients.getPatient(deps, actorOf(request), request.params.patientId);
      void reply.header('etag', etag(overview.version));
      return overview;
    },
  });

  app.patch('/api/patients/:patientId', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: patientUpdateSchema,
      response: { 200: patientOverviewSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const overview = await patients.updatePatient(
        deps,
        actorOf(request),
        request.params.patientId,
        expected,
        request.body,
      );
      void reply.header('etag', etag(overview.version));
      return overview;
    },
  });

  app.put('/api/patients/:patientId/care-team', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: careTeamUpdateSchema,
      response: { 200: patientOverviewSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const overview = await patients.updateCareTeam(
        deps,
        actorOf(request),
        request.params.patientId,
        expected,
        request.body.members,
      );
      void reply.header('etag', etag(overview.careTeamVersion));
      return overview;
    },
  });

  app.get('/api/patients/:patientId/care-team/history', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      // Bounded (issue 19): the latest `limit` changes, newest first; `hasMore` when older ones exist.
      querystring: z.object({ limit: listLimitSchema(CARE_TEAM_CHANGES_MAX) }),
      response: {
        200: z.object({ changes: z.array(careTeamChangeSchema), hasMore: z.boolean() }),
        ...errors(400, 401, 404),
      },
    },
    handler: (request) =>
      patients.careTeamHistory(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post('/api/patients/:patientId/resend-invite', {
    config: { policy: policies.careTeam },
    schema: { tags, params: patientParams, response: { 204: z.null(), ...errors(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await patients.resendPatientInvite(deps, actorOf(request), request.params.patientId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/patients/:patientId/access-report', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: accessReportQuerySchema,
      response: { 200: accessReportSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => accessReport(deps, actorOf(request), request.params.patientId, request.query),
  });

  app.get('/api/patients/:patientId/access-report/times', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: accessTimesQuerySchema,
      response: { 200: accessTimesSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => accessTimes(deps, actorOf(request), request.params.patientId, request.query),
  });
}
