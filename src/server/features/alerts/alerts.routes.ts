import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { alertSchema } from '../../../shared/alerts/alert.js';
import { inboxCountsSchema, inboxViewSchema } from '../../../shared/alerts/api.js';
import * as alerts from './alerts.service.js';
import { INBOX_MAX, PATIENT_ALERTS_MAX } from '../../../shared/lists/limits.js';

const tags = ['alerts'];
const alertParams = z.object({ alertId: z.string().min(1).max(64) });
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const inboxQuery = z.object({
  view: inboxViewSchema.default('active'),
  patientId: z.string().max(64).optional(),
  type: z.string().max(64).optional(),
});

export function alertRoutes(app: App, deps: AppDeps): void {
  app.get('/api/inbox', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      querystring: inboxQuery,
      response: {
        200: z.object({ alerts: z.array(alertSchema).max(INBOX_MAX), hasMore: z.boolean() }),
        ...errors(400, 401, 403),
      },
    },
    handler: (request) => alerts.inbox(deps, actorOf(request), request.query),
  });

  app.get('/api/inbox/counts', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      response: {
        200: inboxCountsSchema,
        ...errors(401, 403),
      },
    },
    handler: (request) => alerts.inboxCounts(deps, actorOf(request)),
  });

  app.get('/api/patients/:patientId/alerts', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: {
        200: z.object({ alerts: z.array(alertSchema).max(PATIENT_ALERTS_MAX), hasMore: z.boolean() }),
        ...errors(400, 401, 404),
      },
    },
    handler: (request) => alerts.patientAlerts(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/alerts/:alertId/acknowledge', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      params: alertParams,
      response: { 200: alertSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const alert = await alerts.changeAlertState(
        deps,
        actorOf(request),
        request.params.alertId,
        requireIfMatch(request),
        { to: 'acknowledged' },
      );
      return reply.header('etag', etag(alert.version)).send(alert);
    },
  });

  app.post('/api/alerts/:alertId/resolve', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      params: alertParams,
      body: z.object({ note: z.string().trim().min(1, 'Say how it was resolved.').max(2000) }),
      response: { 200: alertSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const alert = await alerts.changeAlertState(
        deps,
        actorOf(request),
        request.params.alertId,
        requireIfMatch(request),
        { to: 'resolved', note: request.body.note },
      );
      return reply.header('etag', etag(alert.version)).send(alert);
    },
  });
}
