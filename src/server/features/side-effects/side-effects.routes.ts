import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, onlyOfTeam, policies, rules } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  newAnswerSchema,
  newSideEffectReportSchema,
  reportFormSchema,
  sideEffectReportListSchema,
  sideEffectReportSchema,
  submitReportResultSchema,
} from '../../../shared/side-effects/schemas.js';
import * as service from './side-effects.service.js';
import { answerReport } from './answers.service.js';

/** Declared gates (before validation): another member of the team is told so (403), whatever the body. */
const patientReports = onlyFor([rules.self], {
  message: 'Side effects are reported by the patient themself.',
});
const prescriberAnswers = onlyOfTeam([rules.team('prescriber')], {
  message: 'Only the prescriber on the care team answers side-effect reports.',
});

const tags = ['side effects'];
const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const reportParams = patientParams.extend({ reportId: z.uuid() });

export function sideEffectRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/side-effects/form', {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: patientParams, response: { 200: reportFormSchema, ...errors(400, 401, 404) } },
    handler: (request) => service.reportForm(deps, actorOf(request), request.params.patientId),
  });

  app.get('/api/patients/:patientId/side-effects', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: sideEffectReportListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => service.listReports(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/side-effects', {
    config: { policy: patientReports },
    schema: {
      tags,
      params: patientParams,
      body: newSideEffectReportSchema,
      response: {
        200: submitReportResultSchema,
        201: submitReportResultSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { created, ...result } = await service.submitReport(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(result);
    },
  });

  app.post('/api/patients/:patientId/side-effects/:reportId/answers', {
    config: { policy: prescriberAnswers },
    schema: {
      tags,
      params: reportParams,
      body: newAnswerSchema,
      response: {
        200: sideEffectReportSchema,
        201: sideEffectReportSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { report, created } = await answerReport(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.reportId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(report);
    },
  });
}
