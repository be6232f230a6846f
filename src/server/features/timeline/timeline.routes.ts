import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyRoles, policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { progressSchema, timelineQuerySchema, timelineSchema } from '../../../shared/timeline/schemas.js';
import { myProgress, patientTimeline } from './timeline.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const tags = ['timeline'];
/** "My progress" is the patient's own page; staff read the timeline instead (403 tells them so). */
const patientOnly = onlyRoles(['patient'], {
  message: 'My progress is the patient’s own page; the care team reads the timeline.',
  details: { reason: 'patient_only' },
});

export function timelineRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/timeline', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: timelineQuerySchema,
      response: { 200: timelineSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => patientTimeline(deps, actorOf(request), request.params.patientId, request.query),
  });

  app.get('/api/me/progress', {
    config: { policy: patientOnly },
    schema: {
      tags,
      querystring: timelineQuerySchema,
      response: { 200: progressSchema, ...errors(400, 401, 403, 404) },
    },
    handler: (request) => myProgress(deps, actorOf(request), request.query),
  });
}
