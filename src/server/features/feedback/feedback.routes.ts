import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, policies, rules } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  newSessionFeedbackSchema,
  newTreatmentRatingSchema,
  sessionFeedbackFormSchema,
  sessionFeedbackListSchema,
  submitFeedbackResultSchema,
  submitTreatmentRatingResultSchema,
  treatmentRatingsQuerySchema,
  treatmentRatingsSchema,
} from '../../../shared/feedback/schemas.js';
import * as feedback from './feedback.service.js';
import * as ratings from './treatment-ratings.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const sessionParams = patientParams.extend({ appointmentId: z.uuid() });
const tags = ['feedback'];

/** Only the patient gives feedback (it is their voice in the record): a clinician gets 403 'patient_only'. */
const onlyThePatient = (what: string) =>
  onlyFor([rules.self], {
    message: `Only the patient can ${what}.`,
    details: [{ path: 'role', message: 'patient_only' }],
  });

// Who sees: the whole care team and the patient themself (feedback is part of the record).
export function feedbackRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/session-feedback', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: sessionFeedbackListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => feedback.listSessionFeedback(deps, actorOf(request), request.params.patientId),
  });

  app.get('/api/patients/:patientId/session-feedback/sessions/:appointmentId', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: sessionParams,
      response: { 200: sessionFeedbackFormSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      feedback.sessionFeedbackForm(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.appointmentId,
      ),
  });

  app.post('/api/patients/:patientId/session-feedback', {
    config: { policy: onlyThePatient('give feedback on a session') },
    schema: {
      tags,
      params: patientParams,
      body: newSessionFeedbackSchema,
      response: {
        200: submitFeedbackResultSchema,
        201: submitFeedbackResultSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { created, feedback: answer } = await feedback.submitSessionFeedback(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ feedback: answer });
    },
  });

  app.get('/api/patients/:patientId/treatment-ratings', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: treatmentRatingsQuerySchema,
      response: { 200: treatmentRatingsSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      ratings.treatmentRatings(deps, actorOf(request), request.params.patientId, request.query.limit),
  });

  app.post('/api/patients/:patientId/treatment-ratings', {
    config: { policy: onlyThePatient('rate their treatment') },
    schema: {
      tags,
      params: patientParams,
      body: newTreatmentRatingSchema,
      response: {
        200: submitTreatmentRatingResultSchema,
        201: submitTreatmentRatingResultSchema,
        ...errors(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { created, round } = await ratings.submitTreatmentRating(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ round });
    },
  });
}
