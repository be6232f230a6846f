import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { scheduleQuerySchema, scheduleResponseSchema } from '../../../shared/schedule/schemas.js';
import { readSchedule } from './schedule.service.js';

export function scheduleRoutes(app: App, deps: AppDeps): void {
  app.get('/api/schedule', {
    config: { policy: policies.clinician },
    schema: {
      tags: ['schedule'],
      querystring: scheduleQuerySchema,
      response: { 200: scheduleResponseSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => readSchedule(deps, actorOf(request), request.query),
  });
}
