import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  clinicianSchema,
  inviteStaffRequestSchema,
  mailSchema,
  staffUserSchema,
} from '../../../shared/accounts/schemas.js';
import * as admin from './admin.service.js';
import { OUTBOX_MAILS_MAX } from '../../../shared/lists/limits.js';

const userParams = z.object({ userId: z.string().min(1).max(64) });
const userAnswer = z.object({ user: staffUserSchema });
const tags = ['accounts'];

export function adminRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/users', {
    config: { policy: policies.admin },
    schema: { tags, response: { 200: z.object({ users: z.array(staffUserSchema) }), ...errors(401, 403) } },
    handler: async (request) => ({ users: await admin.listStaff(deps, actorOf(request)) }),
  });

  app.post('/api/admin/invites', {
    config: { policy: policies.admin },
    schema: {
      tags,
      body: inviteStaffRequestSchema,
      response: { 201: userAnswer, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ user: await admin.inviteStaff(deps, actorOf(request), request.body) }),
  });

  // POST /api/admin/users/:userId/deactivate lives in the patients feature (staff-departure.routes.ts): it
  // reassigns the person's care teams in the same transaction (issue 15).

  app.post('/api/admin/users/:userId/reactivate', {
    config: { policy: policies.admin },
    schema: { tags, params: userParams, response: { 200: userAnswer, ...errors(400, 401, 403, 404) } },
    handler: async (request) => ({
      user: await admin.reactivate(deps, actorOf(request), request.params.userId),
    }),
  });

  app.post('/api/admin/users/:userId/resend-invite', {
    config: { policy: policies.admin },
    schema: { tags, params: userParams, response: { 200: userAnswer, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => ({
      user: await admin.resendStaffInvite(deps, actorOf(request), request.params.userId),
    }),
  });

  app.get('/api/admin/outbox', {
    config: { policy: policies.admin },
    schema: {
      tags,
      response: {
        200: z.object({ mails: z.array(mailSchema).max(OUTBOX_MAILS_MAX), hasMore: z.boolean() }),
        ...errors(401, 403),
      },
    },
    handler: (request) => admin.listOutbox(deps, actorOf(request)),
  });

  app.get('/api/clinicians', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      response: { 200: z.object({ clinicians: z.array(clinicianSchema) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ clinicians: await admin.listClinicians(deps, actorOf(request)) }),
  });
}
