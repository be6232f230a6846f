import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, policies, rules } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '../../../shared/doses/schemas.js';
import * as feed from './calendar-feed.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const tags = ['calendar'];
/** The calendar link is the patient's own: the care team is told so (403). */
const patientOnly = onlyFor([rules.self], {
  message: 'The calendar link is the patient’s own.',
  details: { reason: 'patient_only' },
});

export function calendarFeedRoutes(app: App, deps: AppDeps): void {
  // The secret URL a phone calendar subscribes to: no session, the token is the key (stored hashed).
  app.get('/api/calendar/:token.ics', {
    config: { policy: policies.public },
    schema: {
      tags,
      params: z.object({ token: z.string().max(200) }),
      response: { 200: z.string().describe('text/calendar (RFC 5545)'), ...errors(404) },
    },
    handler: async (request, reply) => {
      const text = await feed.readFeed(deps, request.params.token);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  });

  app.get('/api/patients/:patientId/calendar-feed', {
    config: { policy: patientOnly },
    schema: {
      tags,
      params: patientParams,
      response: { 200: calendarFeedStatusSchema, ...errors(401, 403, 404) },
    },
    handler: (request) => feed.feedStatus(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/calendar-feed', {
    config: { policy: patientOnly },
    schema: {
      tags,
      params: patientParams,
      response: { 201: calendarFeedCreatedSchema, ...errors(401, 403, 404) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await feed.resetFeed(deps, actorOf(request), request.params.patientId)),
  });

  app.delete('/api/patients/:patientId/calendar-feed', {
    config: { policy: patientOnly },
    schema: {
      tags,
      params: patientParams,
      response: { 200: calendarFeedStatusSchema, ...errors(401, 403, 404) },
    },
    handler: (request) => feed.turnOffFeed(deps, actorOf(request), request.params.patientId),
  });
}
