import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { prescriberOnly } from './prescriber-policy.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { labProfileInputSchema, labProfileSchema } from '../../../shared/medication-safety/lab-schemas.js';
import { setLabProfile } from './lab-profile.service.js';

const params = z.object({ patientId: z.string().min(1).max(64), medicationId: z.uuid() });

// Laboratory results (issue 11). Results are recorded through the medication-monitoring routes; this sets
// which ANC table applies to a clozapine record (benign ethnic neutropenia). The prescriber only (declared policy).
export function labResultRoutes(app: App, deps: AppDeps): void {
  app.put('/api/patients/:patientId/medications/:medicationId/lab-profile', {
    config: { policy: prescriberOnly },
    schema: {
      tags: ['medications'],
      params,
      body: labProfileInputSchema,
      response: { 200: labProfileSchema, ...errors(400, 401, 403, 404, 412, 428) },
    },
    handler: async (request, reply) => {
      const profile = await setLabProfile(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.medicationId,
        requireIfMatch(request),
        request.body,
      );
      void reply.header('etag', etag(profile.version));
      return profile;
    },
  });
}
