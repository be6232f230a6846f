import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyOfTeam, onlyRoles, policies, rules } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  caseReviewMarkSchema,
  caseReviewSessionDetailSchema,
  caseReviewSessionSchema,
  caseReviewSessionListSchema,
  markInputSchema,
  patientCaseReviewSchema,
  recommendationInputSchema,
  recommendationSchema,
  sessionInputSchema,
} from '../../../shared/registry/case-review.js';
import * as service from './case-review.service.js';
import { recommendationRoutes } from './recommendations.routes.js';

/** Declared gates (before validation): another clinician on the team is told so (403), whatever the body. */
const careManagerMarks = onlyOfTeam([rules.team('care_manager')], {
  message: 'The care manager prepares the case review.',
});
const prescriberRecommends = onlyOfTeam([rules.team('prescriber')], {
  message: 'Recommendations are recorded by the psychiatric consultant (a prescriber).',
});
const careManagerSchedules = onlyRoles(['care_manager'], {
  message: 'The care manager prepares the case review.',
});

const tags = ['case review'];
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const sessionParams = z.object({ sessionId: z.uuid() });

export function caseReviewRoutes(app: App, deps: AppDeps): void {
  recommendationRoutes(app, deps);
  app.get('/api/patients/:patientId/case-review', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: patientCaseReviewSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => service.patientCaseReview(deps, actorOf(request), request.params.patientId),
  });

  app.put('/api/patients/:patientId/case-review/mark', {
    config: { policy: careManagerMarks },
    schema: {
      tags,
      params: patientParams,
      body: markInputSchema,
      response: { 200: caseReviewMarkSchema, ...errors(400, 401, 403, 404) },
    },
    handler: (request) =>
      service.markForCaseReview(deps, actorOf(request), request.params.patientId, request.body),
  });

  app.delete('/api/patients/:patientId/case-review/mark', {
    config: { policy: careManagerMarks },
    schema: { tags, params: patientParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.unmarkForCaseReview(deps, actorOf(request), request.params.patientId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/patients/:patientId/case-review/recommendations', {
    config: { policy: prescriberRecommends },
    schema: {
      tags,
      params: patientParams,
      body: recommendationInputSchema,
      response: { 200: recommendationSchema, 201: recommendationSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const r = await service.recommend(deps, actorOf(request), request.params.patientId, request.body);
      return reply.status(r.created ? 201 : 200).send(r.recommendation);
    },
  });

  app.post('/api/case-reviews', {
    config: { policy: careManagerSchedules },
    schema: {
      tags,
      body: sessionInputSchema,
      response: { 201: caseReviewSessionSchema, ...errors(400, 401, 403) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createSession(deps, actorOf(request), request.body)),
  });

  app.get('/api/case-reviews', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      response: { 200: caseReviewSessionListSchema, ...errors(401, 403) },
    },
    handler: (request) => service.mySessions(deps, actorOf(request)),
  });

  app.get('/api/case-reviews/:sessionId', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      params: sessionParams,
      response: { 200: caseReviewSessionDetailSchema, ...errors(400, 401, 403, 404) },
    },
    handler: (request) => service.sessionDetail(deps, actorOf(request), request.params.sessionId),
  });
}
