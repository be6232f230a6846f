import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies, type Policy } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  catalogueOtherNameInputSchema,
  catalogueOtherNameSchema,
  catalogueOtherNamesSchema,
  labRangeSettingSchema,
  labRangeSettingsSchema,
  labThresholdsInputSchema,
} from '../../../shared/medication-safety/clinic-safety-schemas.js';
import * as service from './clinic-safety-data.service.js';

const tags = ['medications'];
const rangeParams = z.object({ rangeId: z.string().min(1).max(64) });
const entryParams = z.object({ entryId: z.uuid() });
const nameParams = entryParams.extend({ nameId: z.uuid() });
/** Other names are reference data like the catalogue: staff read them (the prescribing form's check). */
const staff: Policy = { access: 'roles', roles: ['admin', 'therapist', 'prescriber', 'care_manager'] };

// The clinic's own safety data (issue 11): laboratory thresholds and other names of catalogue entries.
export function clinicSafetyDataRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/lab-ranges', {
    config: { policy: policies.admin },
    schema: { tags, response: { 200: labRangeSettingsSchema, ...errors(401, 403) } },
    handler: (request) => service.listLabRangeSettings(deps, actorOf(request)),
  });

  app.put('/api/admin/lab-ranges/:rangeId', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: rangeParams,
      body: labThresholdsInputSchema,
      response: { 200: labRangeSettingSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const setting = await service.setLabThresholds(
        deps,
        actorOf(request),
        request.params.rangeId,
        requireIfMatch(request),
        request.body,
      );
      void reply.header('etag', etag(setting.version));
      return setting;
    },
  });

  // "Reset to reference": the clinic's numbers are removed; the range reads Duet's reference again.
  app.delete('/api/admin/lab-ranges/:rangeId', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: rangeParams,
      response: { 200: labRangeSettingSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const setting = await service.resetLabThresholds(
        deps,
        actorOf(request),
        request.params.rangeId,
        requireIfMatch(request),
      );
      void reply.header('etag', etag(setting.version));
      return setting;
    },
  });

  app.get('/api/medication-catalogue/other-names', {
    config: { policy: staff },
    schema: { tags, response: { 200: catalogueOtherNamesSchema, ...errors(401, 403) } },
    handler: async (request) => ({ names: await service.listOtherNames(deps, actorOf(request)) }),
  });

  app.post('/api/admin/medication-catalogue/:entryId/other-names', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: entryParams,
      body: catalogueOtherNameInputSchema,
      response: { 201: catalogueOtherNameSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const name = await service.addOtherName(deps, actorOf(request), request.params.entryId, request.body);
      return reply.status(201).send(name);
    },
  });

  app.delete('/api/admin/medication-catalogue/:entryId/other-names/:nameId', {
    config: { policy: policies.admin },
    schema: { tags, params: nameParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.removeOtherName(deps, actorOf(request), request.params.entryId, request.params.nameId);
      return reply.status(204).send(null);
    },
  });
}
