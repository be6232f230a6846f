import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies, type Policy } from '../../platform/access/policy.js';
import { prescriberOnly } from './prescriber-policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  catalogueEntrySchema,
  catalogueInputSchema,
  catalogueListSchema,
  catalogueQuerySchema,
  medicationChangeInputSchema,
  medicationDetailSchema,
  medicationListQuerySchema,
  medicationListSchema,
  monitoringResultInputSchema,
  monitoringResultSchema,
  monitoringViewSchema,
  startMedicationSchema,
} from '../../../shared/medications/schemas.js';
import * as catalogue from './catalogue.service.js';
import * as medications from './medications.service.js';
import { changeMedication } from './medication-changes.service.js';
import * as monitoring from './monitoring.service.js';
import { prescribingContext } from './prescribing-checks.js';
import { prescribingContextSchema } from '../../../shared/medication-safety/prescribing-schemas.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const medicationParams = patientParams.extend({ medicationId: z.uuid() });
const entryParams = z.object({ entryId: z.uuid() });
const tags = ['medications'];
/** The catalogue is clinic reference data: the admin edits it, clinicians search it; patients do not need it. */
const staff: Policy = { access: 'roles', roles: ['admin', 'therapist', 'prescriber', 'care_manager'] };

// Duet records what was prescribed; it does not send prescriptions to pharmacies.
export function medicationRoutes(app: App, deps: AppDeps): void {
  app.get('/api/medication-catalogue', {
    config: { policy: staff },
    schema: {
      tags,
      querystring: catalogueQuerySchema,
      response: { 200: catalogueListSchema, ...errors(400, 401, 403) },
    },
    handler: async (request) => ({
      entries: await catalogue.listCatalogue(
        deps,
        actorOf(request),
        request.query.q,
        request.query.includeInactive === 'true',
      ),
    }),
  });

  app.post('/api/admin/medication-catalogue', {
    config: { policy: policies.admin },
    schema: {
      tags,
      body: catalogueInputSchema,
      response: { 201: catalogueEntrySchema, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const entry = await catalogue.addCatalogueEntry(deps, actorOf(request), request.body);
      return reply.status(201).header('etag', etag(entry.version)).send(entry);
    },
  });

  app.put('/api/admin/medication-catalogue/:entryId', {
    config: { policy: policies.admin },
    schema: {
      tags,
      params: entryParams,
      body: catalogueInputSchema,
      response: { 200: catalogueEntrySchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const entry = await catalogue.editCatalogueEntry(
        deps,
        actorOf(request),
        request.params.entryId,
        expected,
        request.body,
      );
      void reply.header('etag', etag(entry.version));
      return entry;
    },
  });

  app.get('/api/patients/:patientId/medications', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: medicationListQuerySchema,
      response: { 200: medicationListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      medications.listMedications(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post('/api/patients/:patientId/medications', {
    config: { policy: prescriberOnly },
    schema: {
      tags,
      params: patientParams,
      body: startMedicationSchema,
      response: {
        200: medicationDetailSchema,
        201: medicationDetailSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { created, ...detail } = await medications.startMedication(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(detail.medication.version))
        .send(detail);
    },
  });

  // Issue 11: what the prescribing form needs to run the same checks as the server (age, weight, conditions,
  // confirmed allergies and other medicines, current prescriptions), optionally without the one being changed.
  app.get('/api/patients/:patientId/prescribing-context', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: z.object({ exceptMedicationId: z.uuid().optional() }),
      response: { 200: prescribingContextSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      prescribingContext(
        deps,
        actorOf(request),
        request.params.patientId,
        request.query.exceptMedicationId ?? null,
      ),
  });

  app.get('/api/patients/:patientId/medications/:medicationId', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: medicationParams,
      response: { 200: medicationDetailSchema, ...errors(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const detail = await medications.getMedication(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.medicationId,
      );
      void reply.header('etag', etag(detail.medication.version));
      return detail;
    },
  });

  app.post('/api/patients/:patientId/medications/:medicationId/changes', {
    config: { policy: prescriberOnly },
    schema: {
      tags,
      params: medicationParams,
      body: medicationChangeInputSchema,
      response: { 200: medicationDetailSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const expected = requireIfMatch(request);
      const detail = await changeMedication(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.medicationId,
        expected,
        request.body,
      );
      void reply.header('etag', etag(detail.medication.version));
      return detail;
    },
  });

  app.get('/api/patients/:patientId/medication-monitoring', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: monitoringViewSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => monitoring.monitoringView(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/medication-monitoring/results', {
    config: { policy: prescriberOnly },
    schema: {
      tags,
      params: patientParams,
      body: monitoringResultInputSchema,
      response: {
        200: z.object({ result: monitoringResultSchema, view: monitoringViewSchema }),
        201: z.object({ result: monitoringResultSchema, view: monitoringViewSchema }),
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { created, ...out } = await monitoring.recordMonitoringResult(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(out);
    },
  });
}
