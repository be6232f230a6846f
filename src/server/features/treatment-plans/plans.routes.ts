import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyOfTeam, policies, rules } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  historyEntrySchema,
  newDraftSchema,
  planDiffSchema,
  planEditSchema,
  planOverviewSchema,
  planVersionSchema,
  signDraftSchema,
  startPlanSchema,
} from '../../../shared/treatment-plans/api-schemas.js';
import * as drafts from './drafts.service.js';
import * as signatures from './signatures.service.js';
import * as reads from './plan-reads.service.js';
import { listLimitSchema } from '../../../shared/lists/limit-query.js';
import { PLAN_HISTORY_MAX } from '../../../shared/lists/limits.js';
import { planPatientRoutes } from './plan-patient.routes.js';
import { patientParams, tags, versionParams } from './plan-params.js';

const base = '/api/patients/:patientId/plan';

/** Every treatment-plan route (plan, drafts and signatures here; patient-facing and reviews beside). */
/** The therapist and the prescriber on the team sign the plan; the care manager is told so (403). */
const signers = onlyOfTeam([rules.team('therapist', 'prescriber')], {
  message: 'The therapist and the prescriber sign the plan.',
});

export function treatmentPlanRoutes(app: App, deps: AppDeps): void {
  app.get(base, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: z.object({ plan: planOverviewSchema.nullable() }), ...errors(400, 401, 404) },
    },
    handler: async (request) => ({
      plan: await reads.getPlan(deps, actorOf(request), request.params.patientId),
    }),
  });

  app.post(base, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: startPlanSchema,
      response: { 201: planVersionSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const v = await drafts.startPlan(deps, actorOf(request), request.params.patientId, request.body);
      return reply.status(201).header('etag', etag(v.version)).send(v);
    },
  });

  app.post(`${base}/draft`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newDraftSchema,
      response: { 201: planVersionSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const v = await drafts.newDraft(deps, actorOf(request), request.params.patientId, request.body.reason);
      return reply.status(201).header('etag', etag(v.version)).send(v);
    },
  });

  app.patch(`${base}/draft`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: planEditSchema,
      response: { 200: planVersionSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const v = await drafts.editDraft(
        deps,
        actorOf(request),
        request.params.patientId,
        expected,
        request.body,
      );
      return reply.header('etag', etag(v.version)).send(v);
    },
  });

  app.post(`${base}/draft/submit`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: planVersionSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const v = await signatures.submitDraft(deps, actorOf(request), request.params.patientId, expected);
      return reply.header('etag', etag(v.version)).send(v);
    },
  });

  /** Signing requires the attestation (body `{ attested: true }`, else 400 at body.attested). */
  app.post(`${base}/draft/sign`, {
    config: { policy: signers },
    schema: {
      tags,
      params: patientParams,
      body: signDraftSchema.nullish(),
      response: { 200: planVersionSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const v = await signatures.signDraft(deps, actorOf(request), request.params.patientId, expected, {
        attested: request.body?.attested,
      });
      return reply.header('etag', etag(v.version)).send(v);
    },
  });

  app.get(`${base}/versions/:versionNumber`, {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: versionParams, response: { 200: planVersionSchema, ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const { patientId, versionNumber } = request.params;
      const v = await reads.getVersion(deps, actorOf(request), patientId, versionNumber);
      return reply.header('etag', etag(v.version)).send(v);
    },
  });

  app.get(`${base}/history`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      // Bounded (issue 19): the latest `limit` entries, newest first; `hasMore` when older ones exist.
      querystring: z.object({ limit: listLimitSchema(PLAN_HISTORY_MAX) }),
      response: {
        200: z.object({ entries: z.array(historyEntrySchema), hasMore: z.boolean() }),
        ...errors(400, 401, 404),
      },
    },
    handler: (request) =>
      reads.planHistory(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.get(`${base}/diff`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: z.object({
        from: z.coerce.number().int().min(1),
        to: z.coerce.number().int().min(1),
      }),
      response: { 200: planDiffSchema, ...errors(400, 401, 404) },
    },
    handler: async (request) =>
      reads.diffVersions(
        deps,
        actorOf(request),
        request.params.patientId,
        request.query.from,
        request.query.to,
      ),
  });

  planPatientRoutes(app, deps);
}
