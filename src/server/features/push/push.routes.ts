import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Policy } from '../../platform/access/policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  publicKeySchema,
  pushPreferencesInputSchema,
  pushPreferencesSchema,
  pushSubscriptionInputSchema,
  pushSubscriptionListSchema,
  pushSubscriptionSchema,
  snoozeInputSchema,
  snoozeResultSchema,
} from '../../../shared/push/api.js';
import { timeZoneSchema } from '../../../shared/time/index.js';
import * as push from './push.service.js';
import { snoozeDose } from './snooze.service.js';

const tags = ['push'];
/** Patients and clinicians have notifications to choose; admins have none (403). */
const pushAccounts: Policy = {
  access: 'roles',
  roles: ['patient', 'therapist', 'prescriber', 'care_manager'],
};
const patientsOnly: Policy = { access: 'roles', roles: ['patient'] };

export function pushRoutes(app: App, deps: AppDeps): void {
  app.get('/api/push/public-key', {
    config: { policy: pushAccounts },
    schema: { tags, response: { 200: publicKeySchema, ...errors(401, 403) } },
    handler: () => push.publicKey(deps),
  });

  app.get('/api/push/subscriptions', {
    config: { policy: pushAccounts },
    schema: { tags, response: { 200: pushSubscriptionListSchema, ...errors(401, 403) } },
    handler: (request) => push.listSubscriptions(deps, actorOf(request)),
  });

  app.post('/api/push/subscriptions', {
    config: { policy: pushAccounts },
    schema: {
      tags,
      body: pushSubscriptionInputSchema,
      response: { 200: pushSubscriptionSchema, 201: pushSubscriptionSchema, ...errors(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const { subscription, created } = await push.subscribe(deps, actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(subscription);
    },
  });

  app.delete('/api/push/subscriptions/:subscriptionId', {
    config: { policy: pushAccounts },
    schema: {
      tags,
      params: z.object({ subscriptionId: z.uuid() }),
      response: { 204: z.null(), ...errors(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await push.unsubscribe(deps, actorOf(request), request.params.subscriptionId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/push/preferences', {
    config: { policy: pushAccounts },
    schema: {
      tags,
      querystring: z.object({ zone: timeZoneSchema.optional() }),
      response: { 200: pushPreferencesSchema, ...errors(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const prefs = await push.getPreferences(deps, actorOf(request), request.query.zone ?? 'UTC');
      return reply.header('etag', etag(prefs.version)).send(prefs);
    },
  });

  app.put('/api/push/preferences', {
    config: { policy: pushAccounts },
    schema: {
      tags,
      body: pushPreferencesInputSchema,
      response: { 200: pushPreferencesSchema, ...errors(400, 401, 403, 412, 428) },
    },
    handler: async (request, reply) => {
      const version = requireIfMatch(request);
      const prefs = await push.putPreferences(deps, actorOf(request), version, request.body);
      return reply.header('etag', etag(prefs.version)).send(prefs);
    },
  });

  app.post('/api/push/snooze', {
    config: { policy: patientsOnly },
    schema: {
      tags,
      body: snoozeInputSchema,
      response: { 200: snoozeResultSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: (request) => snoozeDose(deps, actorOf(request), request.body.doseKey),
  });
}
