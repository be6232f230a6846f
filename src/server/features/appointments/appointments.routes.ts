import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  appointmentListQuerySchema,
  appointmentListSchema,
  attendanceSchema,
  attendanceUpdateSchema,
  appointmentSchema,
  bookingResultSchema,
  cancelSchema,
  newAppointmentSchema,
  rescheduleSchema,
} from '../../../shared/appointments/schemas.js';
import * as appointments from './appointments.service.js';
import { attendanceOf, setAttendance } from './attendance.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const appointmentParams = patientParams.extend({ appointmentId: z.uuid() });
const tags = ['appointments'];

// Edits name the version they were made on (If-Match); a list answers every appointment with its version.
export function appointmentRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/appointments', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: appointmentListQuerySchema,
      response: { 200: appointmentListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      appointments.listAppointments(deps, actorOf(request), request.params.patientId, request.query.when),
  });

  app.post('/api/patients/:patientId/appointments', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newAppointmentSchema,
      response: { 200: bookingResultSchema, 201: bookingResultSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { created, appointments: made } = await appointments.bookAppointments(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({ appointments: made });
    },
  });

  app.get('/api/patients/:patientId/appointments/attendance', {
    config: { policy: policies.careTeam },
    schema: { tags, params: patientParams, response: { 200: attendanceSchema, ...errors(400, 401, 404) } },
    handler: (request) => attendanceOf(deps, actorOf(request), request.params.patientId),
  });

  app.patch('/api/patients/:patientId/appointments/:appointmentId', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: appointmentParams,
      body: rescheduleSchema,
      response: { 200: bookingResultSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request) => ({
      appointments: await appointments.rescheduleAppointment(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.appointmentId,
        requireIfMatch(request),
        request.body,
      ),
    }),
  });

  app.post('/api/patients/:patientId/appointments/:appointmentId/cancel', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: appointmentParams,
      body: cancelSchema,
      response: { 200: bookingResultSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request) => ({
      appointments: await appointments.cancelAppointment(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.appointmentId,
        requireIfMatch(request),
        request.body,
      ),
    }),
  });

  app.post('/api/patients/:patientId/appointments/:appointmentId/attendance', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: appointmentParams,
      body: attendanceUpdateSchema,
      response: { 200: appointmentSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: (request) =>
      setAttendance(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.appointmentId,
        requireIfMatch(request),
        request.body,
      ),
  });
}
