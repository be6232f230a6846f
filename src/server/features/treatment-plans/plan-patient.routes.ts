import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, policies, rules } from '../../platform/access/policy.js';
import { actorOf, etag } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { safetyPlanAnswerSchema } from '../../../shared/treatment-plans/api.js';
import {
  commentSchema,
  newCommentSchema,
  newReviewSchema,
  newTemplateSchema,
  patientViewSchema,
  planVersionSchema,
  reviewSchema,
  templateSchema,
} from '../../../shared/treatment-plans/api-schemas.js';
import * as patientPlan from './patient-plan.service.js';
import * as reviews from './reviews.service.js';
import * as templates from './templates.service.js';
import { listLimitSchema } from '../../../shared/lists/limit-query.js';
import { PLAN_COMMENTS_MAX, PLAN_REVIEWS_MAX } from '../../../shared/lists/limits.js';
import { patientParams, tags, versionParams } from './plan-params.js';

const base = '/api/patients/:patientId/plan';
/** Only the patient acknowledges their plan: a clinician on the team is told so (403). */
const patientAcknowledges = onlyFor([rules.self], { message: 'Only the patient acknowledges their plan.' });

/** What the patient reads and does with the agreed plan, reviews, and the clinic's templates. */
export function planPatientRoutes(app: App, deps: AppDeps): void {
  app.post(`${base}/acknowledge`, {
    config: { policy: patientAcknowledges },
    schema: {
      tags,
      params: patientParams,
      response: { 200: planVersionSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const v = await patientPlan.acknowledgePlan(deps, actorOf(request), request.params.patientId);
      return reply.header('etag', etag(v.version)).send(v);
    },
  });

  app.get(`${base}/versions/:versionNumber/comments`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: versionParams,
      // Bounded (issue 19): the latest `limit` comments, oldest first; `hasMore` when older ones exist.
      querystring: z.object({ limit: listLimitSchema(PLAN_COMMENTS_MAX) }),
      response: {
        200: z.object({ comments: z.array(commentSchema), hasMore: z.boolean() }),
        ...errors(400, 401, 404, 409),
      },
    },
    handler: (request) =>
      patientPlan.listComments(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.versionNumber,
        request.query.limit,
      ),
  });

  app.post(`${base}/versions/:versionNumber/comments`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: versionParams,
      body: newCommentSchema,
      response: { 201: commentSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { patientId, versionNumber } = request.params;
      const c = await patientPlan.addComment(
        deps,
        actorOf(request),
        patientId,
        versionNumber,
        request.body.body,
      );
      return reply.status(201).send(c);
    },
  });

  app.get(`${base}/patient-view`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: z.object({ view: patientViewSchema.nullable() }), ...errors(400, 401, 404) },
    },
    handler: async (request) => ({
      view: await patientPlan.patientView(deps, actorOf(request), request.params.patientId),
    }),
  });

  app.get('/api/patients/:patientId/safety-plan', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: {
        200: safetyPlanAnswerSchema,
        ...errors(400, 401, 404),
      },
    },
    handler: async (request) => patientPlan.safetyPlan(deps, actorOf(request), request.params.patientId),
  });

  app.get(`${base}/reviews`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      // Bounded (issue 19): the latest `limit` reviews, newest first; `hasMore` when older ones exist.
      querystring: z.object({ limit: listLimitSchema(PLAN_REVIEWS_MAX) }),
      response: {
        200: z.object({ reviews: z.array(reviewSchema), hasMore: z.boolean() }),
        ...errors(400, 401, 404),
      },
    },
    handler: (request) =>
      reviews.listReviews(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post(`${base}/reviews`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newReviewSchema,
      response: {
        201: z.object({ review: reviewSchema, nextDraft: planVersionSchema.nullable() }),
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const result = await reviews.recordReview(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  });

  app.get('/api/plan-templates', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      response: { 200: z.object({ templates: z.array(templateSchema) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ templates: await templates.listTemplates(deps, actorOf(request)) }),
  });

  app.post('/api/plan-templates', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      body: newTemplateSchema,
      response: { 201: templateSchema, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await templates.addTemplate(deps, actorOf(request), request.body)),
  });
}
