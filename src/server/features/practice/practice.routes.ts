import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { onlyFor, onlyOfTeam, policies, rules } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, etag, requireIfMatch } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { PRACTICE_LIBRARY_VERSION, practiceLibrary } from '../../../shared/practice/library.js';
import {
  assignmentSchema,
  entryListQuerySchema,
  entryListSchema,
  entrySchema,
  libraryAnswerSchema,
  newAssignmentSchema,
  newCommentSchema,
  practiceOverviewSchema,
  saveEntrySchema,
} from '../../../shared/practice/schemas.js';
import * as practice from './practice.service.js';
import * as entries from './entries.service.js';

const patientParams = z.object({ patientId: z.string().min(1).max(64) });
const assignmentParams = patientParams.extend({ assignmentId: z.uuid() });
const entryParams = patientParams.extend({ entryId: z.uuid() });
const tags = ['practice'];
/** Assigning, ending and commenting are the therapist's (issue 6: "the therapist assigns … reviews, comments"). */
const onlyTheTherapist = (what: string) =>
  onlyOfTeam([rules.team('therapist')], { message: `Only the therapist on the care team ${what}.` });
/** Entries are the patient's own words: only the patient writes them. */
const patientWrites = onlyFor([rules.self], { message: 'Only the patient writes their practice entries.' });

/** If-Match when sent (drafts may be saved without it: the last save wins). */
function optionalIfMatch(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match?.[1]) throw new AppError('validation_failed', 'If-Match must be a version number such as "3".');
  return Number(match[1]);
}

export function practiceRoutes(app: App, deps: AppDeps): void {
  app.get('/api/practice/library', {
    config: { policy: policies.signedIn },
    schema: { tags, response: { 200: libraryAnswerSchema, ...errors(401) } },
    handler: () => ({ version: PRACTICE_LIBRARY_VERSION, kinds: [...practiceLibrary] }),
  });

  app.get('/api/patients/:patientId/practice', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      response: { 200: practiceOverviewSchema, ...errors(400, 401, 404) },
    },
    handler: (request) => practice.practiceOverview(deps, actorOf(request), request.params.patientId),
  });

  app.post('/api/patients/:patientId/practice/assignments', {
    config: { policy: onlyTheTherapist('assigns practice') },
    schema: {
      tags,
      params: patientParams,
      body: newAssignmentSchema,
      response: { 200: assignmentSchema, 201: assignmentSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { assignment, created } = await practice.assignPractice(
        deps,
        actorOf(request),
        request.params.patientId,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(assignment.version))
        .send(assignment);
    },
  });

  app.post('/api/patients/:patientId/practice/assignments/:assignmentId/end', {
    config: { policy: onlyTheTherapist('ends practice') },
    schema: {
      tags,
      params: assignmentParams,
      response: { 200: assignmentSchema, ...errors(400, 401, 403, 404, 409, 412, 428) },
    },
    handler: async (request, reply) => {
      const assignment = await practice.endAssignment(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.assignmentId,
        requireIfMatch(request),
      );
      return reply.header('etag', etag(assignment.version)).send(assignment);
    },
  });

  app.get('/api/patients/:patientId/practice/entries', {
    config: { policy: policies.careTeamOrPatient },
    schema: {
      tags,
      params: patientParams,
      querystring: entryListQuerySchema,
      response: { 200: entryListSchema, ...errors(400, 401, 404) },
    },
    handler: (request) =>
      entries.listEntries(deps, actorOf(request), request.params.patientId, request.query.assignmentId),
  });

  app.get('/api/patients/:patientId/practice/entries/:entryId', {
    config: { policy: policies.careTeamOrPatient },
    schema: { tags, params: entryParams, response: { 200: entrySchema, ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const entry = await entries.getEntry(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.entryId,
      );
      return reply.header('etag', etag(entry.version)).send(entry);
    },
  });

  app.put('/api/patients/:patientId/practice/entries/:entryId', {
    config: { policy: patientWrites },
    schema: {
      tags,
      params: entryParams,
      body: saveEntrySchema,
      response: { 200: entrySchema, 201: entrySchema, ...errors(400, 401, 403, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      const { entry, created, crisis } = await entries.saveEntry(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.entryId,
        request.body,
        optionalIfMatch(request.headers['if-match']),
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(entry.version))
        .send(crisis ? { ...entry, crisis } : entry);
    },
  });

  app.post('/api/patients/:patientId/practice/entries/:entryId/comments', {
    config: { policy: onlyTheTherapist('comments on practice') },
    schema: {
      tags,
      params: entryParams,
      body: newCommentSchema,
      response: { 200: entrySchema, 201: entrySchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { entry, created } = await entries.addComment(
        deps,
        actorOf(request),
        request.params.patientId,
        request.params.entryId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(entry);
    },
  });
}
