import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { AppError } from '../../platform/errors.js';
import { newRiskAssessmentSchema, riskAssessmentSchema } from '../../../shared/measures/schemas.js';
import { alertPatientSummarySchema } from '../../../shared/alerts/patient-summary.js';
import { patientOfAlert } from '../alerts/index.js';
import { recordRiskAssessment } from '../measures/index.js';
import { alertPatientSummary } from './alert-patient-summary.service.js';

// The follow-up of a safety alert (issue 12), by the alert. These routes sat in alerts.routes.ts; they use the
// measures feature (risk assessments, crisis and safety plan), which raises alerts itself, so they live in a
// feature above both (issue 18: no import cycle between alerts and measures). Same paths, same policies.
const tags = ['alerts'];
const alertParams = z.object({ alertId: z.string().min(1).max(64) });
/** The risk assessment's fields; the alert (and through it the answer) is the path's. */
const alertAssessmentBody = z.object(newRiskAssessmentSchema.shape).omit({ responseId: true, alertId: true });

export function safetyReviewRoutes(app: App, deps: AppDeps): void {
  // The risk assessment that follows a safety alert, by the alert (issue 12): the team, or the on-call
  // clinician / clinical lead it was escalated to, who may not be on the patient's team.
  app.post('/api/alerts/:alertId/risk-assessments', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      params: alertParams,
      body: alertAssessmentBody,
      response: { 200: riskAssessmentSchema, 201: riskAssessmentSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const patientId = await patientOfAlert(deps, actor, request.params.alertId);
      const { assessment, created } = await recordRiskAssessment(deps, actor, patientId, {
        ...request.body,
        responseId: null,
        alertId: request.params.alertId,
      }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found')
          throw new AppError('not_found', 'Alert not found');
        throw err;
      });
      return reply.status(created ? 201 : 200).send(assessment);
    },
  });

  // "Reach the patient" (issue 12): contact details, care team, trigger, safety plan and crisis resources for
  // the team or, while the alert is not resolved, the on-call clinician / clinical lead it was escalated to.
  app.get('/api/alerts/:alertId/patient-summary', {
    config: { policy: policies.clinician },
    schema: {
      tags,
      params: alertParams,
      response: { 200: alertPatientSummarySchema, ...errors(400, 401, 403, 404) },
    },
    handler: (request) => alertPatientSummary(deps, actorOf(request), request.params.alertId),
  });
}
