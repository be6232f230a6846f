import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { paperSchema } from '../../platform/pdf/index.js';
import { visitSummarySchema } from '../../../shared/visit-agenda/visit-summary-schema.js';
import { visitSummary, visitSummaryPdf } from './visit-summary.service.js';

const params = z.object({ patientId: z.string().min(1).max(64), appointmentId: z.uuid() });
const tags = ['visit-agenda'];

/** "Since last visit" for an appointment: the care team reads it on screen and prints it. */
export function visitSummaryRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/appointments/:appointmentId/visit-summary', {
    config: { policy: policies.careTeam },
    schema: { tags, params, response: { 200: visitSummarySchema, ...errors(400, 401, 404) } },
    handler: (request) =>
      visitSummary(deps, actorOf(request), request.params.patientId, request.params.appointmentId),
  });

  app.get('/api/patients/:patientId/appointments/:appointmentId/visit-summary.pdf', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params,
      querystring: z.object({ paper: paperSchema.optional() }),
      response: { 200: z.any().describe('application/pdf'), ...errors(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const { pdf, fileName } = await visitSummaryPdf(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.appointmentId,
        request.query.paper,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  });
}
