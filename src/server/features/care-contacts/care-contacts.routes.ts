import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyRoles, policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  careContactSchema,
  contactInputSchema,
  minutesReportSchema,
  monthQuerySchema,
  patientContactsSchema,
} from '../../../shared/care-contacts/api.js';
import { minutesReportCsv } from '../../../shared/care-contacts/minutes-csv.js';
import * as service from './care-contacts.service.js';
import { minutesReportPdf } from './minutes-pdf.js';
import { paperSchema } from '../../platform/pdf/index.js';

const tags = ['care contacts'];
const patientParams = z.object({ patientId: z.string().min(1).max(64) });

/** The monthly report: the admin (whole clinic) and the care manager (their caseload). */
const reportReaders = onlyRoles(['admin', 'care_manager'], {
  message: 'The monthly minutes report is for the admin and the care manager.',
});
const minutesReaders = onlyRoles(['admin', 'therapist', 'prescriber', 'care_manager'], {
  message: 'Minutes are for the clinic staff.',
});

/** Issue 15: contacts with the patient and the care manager's minutes per calendar month. */
export function careContactRoutes(app: App, deps: AppDeps): void {
  app.get('/api/patients/:patientId/care-contacts', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: patientContactsSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => service.patientContacts(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/care-contacts', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: contactInputSchema,
      response: { 200: careContactSchema, 201: careContactSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const r = await service.logContact(deps, actorOf(request), request.params.patientId, request.body);
      return reply.status(r.created ? 201 : 200).send(r.contact);
    },
  });

  app.get('/api/care-minutes', {
    config: { policy: minutesReaders },
    schema: {
      tags,
      querystring: monthQuerySchema,
      response: { 200: minutesReportSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => service.minutesReport(deps, actorOf(request), request.query.month),
  });

  app.get('/api/care-minutes/report.csv', {
    config: { policy: reportReaders },
    schema: { tags, querystring: monthQuerySchema, response: { 200: z.string(), ...errors(400, 401, 403) } },
    handler: async (request, reply) => {
      const report = await service.minutesReport(deps, actorOf(request), request.query.month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="care-minutes-${report.month}.csv"`)
        .send(minutesReportCsv(report));
    },
  });

  app.get('/api/care-minutes/report.pdf', {
    config: { policy: reportReaders },
    schema: {
      tags,
      querystring: monthQuerySchema.extend({ paper: paperSchema.default('A4') }),
      response: { 200: z.any().describe('application/pdf'), ...errors(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const report = await service.minutesReport(deps, actor, request.query.month);
      const pdf = await minutesReportPdf(report, {
        clinicName: await service.clinicNameOf(deps, actor.clinicId),
        generatedAt: deps.clock.now(),
        paper: request.query.paper,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="care-minutes-${report.month}.pdf"`)
        .send(pdf);
    },
  });
}
