import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyOfTeam, policies, rules } from '../../platform/access/policy.js';
import { careTeamRoleSchema, roleLabels } from '../../../shared/access/roles.js';
import { summaryKeeper } from '../../../shared/notes/rules.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import {
  newAddendumSchema,
  newProgressNoteSchema,
  newPsychotherapyNoteSchema,
  progressNoteListSchema,
  progressNoteSchema,
  psychotherapyNoteListSchema,
  psychotherapyNoteSchema,
  saveProgressNoteSchema,
  savePsychotherapyNoteSchema,
  signProgressNoteSchema,
  teamSummariesSchema,
  teamSummaryHistoryQuerySchema,
  teamSummaryHistorySchema,
  teamSummarySchema,
  writeTeamSummarySchema,
  type TeamSummaryKind,
} from '../../../shared/notes/schemas.js';
import * as progress from './progress-notes.service.js';
import * as private_ from './psychotherapy-notes.service.js';
import * as summaries from './team-summaries.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const noteParams = patientParams.extend({ noteId: z.uuid() });

/** Only the clinician who wrote a progress note saves and signs it; the rest of the team reads it. */
const authorOnly = onlyOfTeam([rules.author(progress.authorOfProgressNote)], {
  message: 'Only the clinician who wrote this note can change or sign it.',
  details: { reason: 'not_author' },
});

/** Each team summary is kept by one role on the team (therapy: the therapist; medication: the prescriber). */
const summaryKeeperOnly = (kind: TeamSummaryKind) =>
  onlyOfTeam([rules.team(careTeamRoleSchema.parse(summaryKeeper[kind]))], {
    message: `The ${kind} summary is kept by the ${roleLabels[summaryKeeper[kind]].toLowerCase()}.`,
    details: { reason: 'not_summary_keeper' },
  });

export function noteRoutes(app: App, deps: AppDeps): void {
  progressNoteRoutes(app, deps);
  psychotherapyNoteRoutes(app, deps);
  teamSummaryRoutes(app, deps);
}

function progressNoteRoutes(app: App, deps: AppDeps): void {
  const tags = ['progress notes'];
  // The patient reads their signed notes (right of access); drafts answer 404 and are left out of lists.
  app.get('/api/patients/:patientId/progress-notes', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: progressNoteListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => progress.listProgressNotes(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/progress-notes', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newProgressNoteSchema,
      response: { 200: progressNoteSchema, 201: progressNoteSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { note, created } = await progress.createProgressNote(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(note);
    },
  });

  app.get('/api/patients/:patientId/progress-notes/:noteId', {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: noteParams, response: { 200: progressNoteSchema, ...errors(400, 401, 404) } },
    handler: (request) =>
      progress.getProgressNote(deps, actorOf(request), request.params.patientId, request.params.noteId),
  });

  app.put('/api/patients/:patientId/progress-notes/:noteId', {
    config: { policy: authorOnly },
    schema: {
      tags,
      params: noteParams,
      body: saveProgressNoteSchema,
      response: { 200: progressNoteSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: (request) =>
      progress.saveProgressNote(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.noteId,
        request.body,
      ),
  });

  app.post('/api/patients/:patientId/progress-notes/:noteId/sign', {
    config: { policy: authorOnly },
    schema: {
      tags,
      params: noteParams,
      body: signProgressNoteSchema,
      response: { 200: progressNoteSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: (request) =>
      progress.signProgressNote(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.noteId,
        request.body.version,
      ),
  });

  app.post('/api/patients/:patientId/progress-notes/:noteId/addenda', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: noteParams,
      body: newAddendumSchema,
      response: { 200: progressNoteSchema, 201: progressNoteSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { note, created } = await progress.addAddendum(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.noteId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(note);
    },
  });
}

function psychotherapyNoteRoutes(app: App, deps: AppDeps): void {
  // Author only: others on the team get an empty list and 404 for any id (see the service).
  const tags = ['psychotherapy notes'];
  app.get('/api/patients/:patientId/psychotherapy-notes', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      response: { 200: psychotherapyNoteListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => private_.listMyPsychotherapyNotes(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/psychotherapy-notes', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      body: newPsychotherapyNoteSchema,
      response: { 200: psychotherapyNoteSchema, 201: psychotherapyNoteSchema, ...errors(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { note, created } = await private_.createPsychotherapyNote(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(note);
    },
  });

  app.get('/api/patients/:patientId/psychotherapy-notes/:noteId', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: noteParams,
      response: { 200: psychotherapyNoteSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      private_.getPsychotherapyNote(deps, actorOf(request), request.params.patientId, request.params.noteId),
  });

  app.put('/api/patients/:patientId/psychotherapy-notes/:noteId', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: noteParams,
      body: savePsychotherapyNoteSchema,
      response: { 200: psychotherapyNoteSchema, ...errors(400, 401, 404, 409) },
    },
    handler: (request) =>
      private_.savePsychotherapyNote(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.noteId,
        request.body,
      ),
  });
}

function teamSummaryRoutes(app: App, deps: AppDeps): void {
  const tags = ['team summaries'];
  app.get('/api/patients/:patientId/team-summaries', {
    config: { policy: policies.careTeam },
    schema: { tags, params: patientParams, response: { 200: teamSummariesSchema, ...errors(400, 401, 404) } },
    handler: (request) => summaries.teamSummaries(deps, actorOf(request), request.params.patientId),
  });

  app.get('/api/patients/:patientId/team-summaries/history', {
    config: { policy: policies.careTeam },
    schema: {
      tags,
      params: patientParams,
      querystring: teamSummaryHistoryQuerySchema,
      response: { 200: teamSummaryHistorySchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      summaries.teamSummaryHistory(deps, actorOf(request), request.params.patientId, request.query),
  });

  // One route per kind, so the authorization matrix states who keeps which (403 for the other role).
  for (const kind of ['therapy', 'medication'] as const satisfies TeamSummaryKind[]) {
    app.put(`/api/patients/:patientId/team-summaries/${kind}`, {
      config: { policy: summaryKeeperOnly(kind) },
      schema: {
        tags,
        params: patientParams,
        body: writeTeamSummarySchema,
        response: { 200: teamSummarySchema, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (request) =>
        summaries.writeTeamSummary(deps, actorOf(request), request.params.patientId, kind, request.body),
    });
  }
}
