import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, policies, rules } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  doseCorrectionSchema,
  doseLogListQuerySchema,
  doseLogListSchema,
  doseLogSchema,
  logResultSchema,
  newDoseLogSchema,
  newSupplySchema,
  refillForecastSchema,
  reminderSettingsInputSchema,
  reminderSettingsSchema,
  supplyListQuerySchema,
  supplyListSchema,
  todaySchema,
} from '../../../shared/doses/schemas.js';
import * as doses from './doses.service.js';
import { today } from './today.service.js';
import * as supplies from './supplies.service.js';
import * as reminders from './reminder-settings.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const logParams = patientParams.extend({ logId: z.uuid() });
const tags = ['doses'];
/** A log is the patient's own word about what they took: only the patient logs and corrects (403 otherwise). */
const patientLogs = onlyFor([rules.self], {
  message: 'Only the patient logs and corrects their doses.',
  details: { reason: 'patient_only' },
});
/** Reminder choices are the patient's own: the care team neither reads nor sets them. */
const patientsReminders = onlyFor([rules.self], {
  message: 'Reminder choices are made by the patient.',
  details: { reason: 'patient_only' },
});
/** A supply is recorded by the patient or by the prescriber on their care team. */
const patientOrPrescriber = onlyFor([rules.self, rules.team('prescriber')], {
  message: 'Only the patient or the prescriber records a supply.',
  details: { reason: 'patient_or_prescriber_only' },
});

export function doseRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/doses/today', {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: patientParams, response: { 200: todaySchema, ...errors(400, 401, 404) } },
    handler: (request) => today(deps, actorOf(request), request.params.patientId),
  });

  app.get('/api/patients/:patientId/doses', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: doseLogListQuerySchema,
      response: { 200: doseLogListSchema, ...errors(400, 401, 404) },
    },
    handler: async (request) => ({
      logs: await doses.listLogs(
        deps,
        actorOf(request),
        request.params.patientId,
        request.query.from,
        request.query.to,
      ),
    }),
  });

  app.post('/api/patients/:patientId/doses', {
    config: { policy: patientLogs },
    schema: {
      tags,
      params: patientParams,
      body: newDoseLogSchema,
      response: { 200: logResultSchema, 201: logResultSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { created, ...result } = await doses.logDose(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(result.log.version))
        .send(result);
    },
  });

  app.patch('/api/patients/:patientId/doses/:logId', {
    config: { policy: patientLogs },
    schema: {
      tags,
      params: logParams,
      body: doseCorrectionSchema,
      response: { 200: doseLogSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = requireIfMatch(request);
      const log = await doses.correctDose(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.logId,
        version,
        request.body,
      );
      return reply.header('etag', etag(log.version)).send(log);
    },
  });

  app.get('/api/patients/:patientId/supplies', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: supplyListQuerySchema,
      response: { 200: supplyListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      supplies.listSupplies(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post('/api/patients/:patientId/supplies', {
    config: { policy: patientOrPrescriber },
    schema: {
      tags,
      params: patientParams,
      body: newSupplySchema,
      response: { 200: refillForecastSchema, 201: refillForecastSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { supply, created } = await supplies.recordSupply(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(supply);
    },
  });

  app.get('/api/patients/:patientId/dose-reminders', {
    config: { policy: patientsReminders },
    schema: {
      tags,
      params: patientParams,
      response: { 200: reminderSettingsSchema, ...errors(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const settings = await reminders.getReminderSettings(deps, actorOf(request), request.params.patientId);
      return reply.header('etag', etag(settings.version)).send(settings);
    },
  });

  app.put('/api/patients/:patientId/dose-reminders', {
    config: { policy: patientsReminders },
    schema: {
      tags,
      params: patientParams,
      body: reminderSettingsInputSchema,
      response: { 200: reminderSettingsSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = requireIfMatch(request);
      const settings = await reminders.putReminderSettings(
        deps,
        actorOf(request),
        request.params.patientId,
        version,
        request.body,
      );
      return reply.header('etag', etag(settings.version)).send(settings);
    },
  });
}
