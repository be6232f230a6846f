import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { recommendationSchema } from '../../../shared/registry/case-review.js';
import {
  caseReviewListSchema,
  closeRecommendationSchema,
  myRecommendationsSchema,
} from '../../../shared/case-review/recommendations.js';
import { closeRecommendation, myRecommendations } from './recommendations.service.js';
import { caseReviewList } from './case-review-list.service.js';

const tags = ['case review'];
const closeParams = z.object({ patientId: z.string().min(1).max(64), recommendationId: z.uuid() });

/** Issue 15: recommendations tracked until done or declined, "My recommendations", the case-review list. */
export function recommendationRoutes(app: App, deps: AppDeps): void {
  // Anyone on the team reaches it; the assignee or the consultant who wrote it closes it (403 inside).
  app.post('/api/patients/:patientId/case-review/recommendations/:recommendationId/close', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: closeParams,
      body: closeRecommendationSchema,
      response: { 200: recommendationSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const { patientId, recommendationId } = request.params;
      const r = await closeRecommendation(
        deps,
        actorOf(request),
        patientId,
        recommendationId,
        expected,
        request.body,
      );
      void reply.header('etag', etag(r.version));
      return r;
    },
  });

  app.get('/api/case-review/my-recommendations', {
    config: { policy: policies.clinician },
    schema: { tags, response: { 200: myRecommendationsSchema, ...errors(401, 403) } },
    handler: (request) => myRecommendations(deps, actorOf(request)),
  });

  app.get('/api/case-review/list', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      querystring: z.object({ scope: z.enum(['marked', 'caseload']).default('marked') }),
      response: { 200: caseReviewListSchema, ...errors(400, 401, 403) },
    },
    handler: async (request) => ({
      patients: await caseReviewList(deps, actorOf(request), request.query.scope),
    }),
  });
}
