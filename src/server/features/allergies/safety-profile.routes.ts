import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, requireIfMatch, etag } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  entryDetailsSchema,
  newEntrySchema,
  rejectEntrySchema,
  safetyEntrySchema,
  safetyProfileSchema,
  weightSchema,
} from '../../../shared/medication-safety/safety-profile.js';
import * as service from './safety-profile.service.js';

const tags = ['medication safety profile'];
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const entryParams = patientParams.extend({ entryId: z.uuid() });
const base = '/api/patients/:patientId/medication-safety';

/** Allergies, other medicines, conditions and weight (issue 11). */
export function medicationSafetyProfileRoutes(app: App, deps: AppDeps): void {
  app.get(base, {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: patientParams, response: { 200: safetyProfileSchema, ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const profile = await service.getProfile(deps, actorOf(request), request.params.patientId);
      void reply.header('etag', etag(profile.version));
      return profile;
    },
  });

  app.post(`${base}/entries`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      body: newEntrySchema,
      response: { 200: safetyEntrySchema, 201: safetyEntrySchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { entry, created } = await service.addEntry(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      void reply.header('etag', etag(entry.version));
      return reply.status(created ? 201 : 200).send(entry);
    },
  });

  app.put(`${base}/entries/:entryId`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: entryParams,
      body: entryDetailsSchema,
      response: { 200: safetyEntrySchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const { patientId, entryId } = request.params;
      const entry = await service.editEntry(
        deps,
        actorOf(request),
        patientId,
        entryId,
        expected,
        request.body,
      );
      void reply.header('etag', etag(entry.version));
      return entry;
    },
  });

  app.delete(`${base}/entries/:entryId`, {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: entryParams,
      response: { 204: z.null(), ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const { patientId, entryId } = request.params;
      await service.removeEntry(deps, actorOf(request), patientId, entryId, expected);
      return reply.status(204).send(null);
    },
  });

  app.post(`${base}/entries/:entryId/confirm`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: entryParams,
      response: { 200: safetyEntrySchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const { patientId, entryId } = request.params;
      const entry = await service.reviewEntry(deps, actorOf(request), patientId, entryId, expected, {
        confirm: true,
      });
      void reply.header('etag', etag(entry.version));
      return entry;
    },
  });

  app.post(`${base}/entries/:entryId/reject`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: entryParams,
      body: rejectEntrySchema,
      response: { 200: safetyEntrySchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const { patientId, entryId } = request.params;
      const entry = await service.reviewEntry(deps, actorOf(request), patientId, entryId, expected, {
        confirm: false,
        reason: request.body.reason,
      });
      void reply.header('etag', etag(entry.version));
      return entry;
    },
  });

  app.put(`${base}/weight`, {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: weightSchema,
      response: { 200: safetyProfileSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const profile = await service.setWeight(
        deps,
        actorOf(request),
        request.params.patientId,
        expected,
        request.body.weightKg,
      );
      void reply.header('etag', etag(profile.version));
      return profile;
    },
  });
}
