import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { instrumentList } from '../../../shared/measures/instruments.js';
import {
  baselineHistorySchema,
  chooseBaselineSchema,
  dueListSchema,
  instrumentIdSchema,
  instrumentListSchema,
  newResponseSchema,
  newRiskAssessmentSchema,
  questionnaireResponseSchema,
  responseListQuerySchema,
  responseListSchema,
  riskAssessmentListQuerySchema,
  riskAssessmentListSchema,
  riskAssessmentSchema,
  submitResultSchema,
} from '../../../shared/measures/schemas.js';
import * as measures from './measures.service.js';
import * as risk from './risk-assessments.service.js';
import * as baselines from './baselines.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const responseParams = patientParams.extend({ responseId: z.uuid() });
const tags = ['measures'];

export function measureRoutes(app: App, deps: AppDeps): void {
  app.get('/api/instruments', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 200: instrumentListSchema, ...errors(401) } },
    handler: () => instrumentListSchema.parse({ instruments: instrumentList }),
  });

  app.post('/api/patients/:patientId/measures', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      body: newResponseSchema,
      response: { 200: submitResultSchema, 201: submitResultSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { created, ...result } = await measures.submitResponse(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(result);
    },
  });

  app.get('/api/patients/:patientId/measures', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: responseListQuerySchema,
      response: { 200: responseListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      measures.listResponses(
        deps,
        actorOf(request),
        request.params.patientId,
        request.query.instrument,
        request.query.limit,
      ),
  });

  app.get('/api/patients/:patientId/measures/due', {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: patientParams, response: { 200: dueListSchema, ...errors(400, 401, 404) } },
    handler: (request) => measures.dueMeasures(deps, actorOf(request), request.params.patientId),
  });

  app.get('/api/patients/:patientId/measures/:responseId', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: responseParams,
      response: { 200: questionnaireResponseSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      measures.getResponse(deps, actorOf(request), request.params.patientId, request.params.responseId),
  });

  app.get('/api/patients/:patientId/measure-baselines', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: baselineHistorySchema, ...errors(400, 401, 404) },
    },
    handler: (request) => baselines.baselineHistory(deps, actorOf(request), request.params.patientId),
  });

  app.put('/api/patients/:patientId/measure-baselines/:instrument', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams.extend({ instrument: instrumentIdSchema }),
      body: chooseBaselineSchema,
      response: { 200: baselineHistorySchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const result = await baselines.chooseBaseline(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.instrument,
        request.body,
        requireIfMatch(request),
      );
      const version = result.baselines.find((b) => b.instrument === request.params.instrument)?.version ?? 0;
      return reply.header('etag', etag(version)).send(result);
    },
  });

  app.get('/api/patients/:patientId/risk-assessments', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: riskAssessmentListQuerySchema,
      response: { 200: riskAssessmentListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      risk.riskAssessments(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post('/api/patients/:patientId/risk-assessments', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newRiskAssessmentSchema,
      response: { 200: riskAssessmentSchema, 201: riskAssessmentSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { assessment, created } = await risk.recordRiskAssessment(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(assessment);
    },
  });
}
