import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  conversationDetailSchema,
  conversationListSchema,
  conversationQuerySchema,
  markReadResultSchema,
  markReadSchema,
  messageSchema,
  newConversationSchema,
  newMessageSchema,
} from '../../../shared/messaging/schemas.js';
import * as conversations from './conversations.service.js';
import * as messages from './messages.service.js';

// Patient ids of any shape are unknown ids (404); conversation ids are UUIDs, anything else is a bad request.
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const conversationParams = patientParams.extend({ conversationId: z.uuid() });
const tags = ['messaging'];

export function messagingRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/conversations', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: conversationListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => conversations.listConversations(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/conversations', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      body: newConversationSchema,
      response: {
        200: conversationDetailSchema,
        201: conversationDetailSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { detail, created } = await conversations.startConversation(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(detail);
    },
  });

  app.get('/api/patients/:patientId/conversations/:conversationId', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: conversationParams,
      querystring: conversationQuerySchema,
      response: { 200: conversationDetailSchema, ...errors(400, 401, 404) },
    },
    handler: async (request) =>
      conversations.getConversation(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.conversationId,
        request.query,
      ),
  });

  app.post('/api/patients/:patientId/conversations/:conversationId/messages', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: conversationParams,
      body: newMessageSchema,
      response: { 200: messageSchema, 201: messageSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { message, created } = await messages.postMessage(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.conversationId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(message);
    },
  });

  app.post('/api/patients/:patientId/conversations/:conversationId/read', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: conversationParams,
      body: markReadSchema,
      response: { 200: markReadResultSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) =>
      messages.markRead(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.conversationId,
        request.body.upToMessageId,
      ),
  });
}
