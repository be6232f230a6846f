import { z } from 'zod';
import { roleSchema } from '../access/roles.js';
import { interventionCodes } from './interventions.js';
import { PROGRESS_NOTES_MAX, PSYCHOTHERAPY_NOTES_MAX, TEAM_SUMMARY_HISTORY_MAX } from '../lists/limits.js';
import { listLimitSchema } from '../lists/limit-query.js';

// API shapes of the notes feature: progress notes (+ addenda), psychotherapy notes, team summaries.

const day = z.iso.date('Use YYYY-MM-DD.');
const text = (max: number) => z.string().max(max);

export const noteFormatSchema = z.enum(['soap', 'dap']);
export type NoteFormat = z.infer<typeof noteFormatSchema>;

/** The structured risk check of a session. */
export const riskCheckStatusSchema = z.enum(['no_current_risk', 'risk_discussed', 'safety_plan_reviewed']);
export type RiskCheckStatus = z.infer<typeof riskCheckStatusSchema>;
export const riskCheckLabels: Record<RiskCheckStatus, string> = {
  no_current_risk: 'No current risk',
  risk_discussed: 'Risk discussed',
  safety_plan_reviewed: 'Safety plan reviewed',
};

/**
 * What a progress note says. A draft may be incomplete (the editor saves as the clinician types); what
 * a signature needs is in `missingForSignature` (rules.ts). The plan is the P of both SOAP and DAP.
 */
export const progressNoteContentSchema = z.object({
  focus: text(2000).default(''),
  interventions: z.array(z.enum(interventionCodes)).max(40).default([]),
  interventionsOther: text(1000).default(''),
  practiceAssigned: text(2000).default(''),
  risk: z
    .object({ status: riskCheckStatusSchema.nullable().default(null), details: text(2000).default('') })
    .default({ status: null, details: '' }),
  /** SOAP: subjective, objective, assessment. DAP: data, assessment. */
  subjective: text(5000).default(''),
  objective: text(5000).default(''),
  data: text(5000).default(''),
  assessment: text(5000).default(''),
  plan: text(5000).default(''),
});
export type ProgressNoteContent = z.infer<typeof progressNoteContentSchema>;
export type ProgressNoteContentInput = z.input<typeof progressNoteContentSchema>;

export const newProgressNoteSchema = z.object({
  /** Made by the client: a retry with the same id returns the first note, never a second one. */
  id: z.uuid('Send a UUID made by the client.'),
  /** The session the note is about; null for an unscheduled contact. */
  appointmentId: z.string().min(1).max(64).nullable().default(null),
  sessionDate: day,
  format: noteFormatSchema,
  content: progressNoteContentSchema.default(progressNoteContentSchema.parse({})),
});
export type NewProgressNote = z.infer<typeof newProgressNoteSchema>;
/** What a client sends (defaults may be left out). */
export type NewProgressNoteInput = z.input<typeof newProgressNoteSchema>;

/** An autosave of a draft: the whole note as the editor holds it, with the version it was based on. */
export const saveProgressNoteSchema = z.object({
  version: z.number().int().positive(),
  appointmentId: z.string().min(1).max(64).nullable().optional(),
  sessionDate: day.optional(),
  format: noteFormatSchema.optional(),
  content: progressNoteContentSchema,
});
export type SaveProgressNote = z.infer<typeof saveProgressNoteSchema>;

export const signProgressNoteSchema = z.object({ version: z.number().int().positive() });

export const newAddendumSchema = z.object({
  id: z.uuid('Send a UUID made by the client.'),
  text: z.string().trim().min(1, 'Write the addendum.').max(5000),
});
export type NewAddendum = z.infer<typeof newAddendumSchema>;

const personSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });

export const addendumSchema = z.object({
  id: z.string(),
  text: z.string(),
  writtenBy: personSchema,
  writtenAt: z.number(),
});
export type Addendum = z.infer<typeof addendumSchema>;

export const progressNoteStatusSchema = z.enum(['draft', 'signed']);
export const progressNoteSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  appointmentId: z.string().nullable(),
  sessionDate: z.string(),
  format: noteFormatSchema,
  content: progressNoteContentSchema,
  status: progressNoteStatusSchema,
  author: personSchema,
  version: z.number(),
  signedBy: personSchema.nullable(),
  signedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Oldest first. */
  addenda: z.array(addendumSchema),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;
/** Bounded (issue 19): every draft, then the latest signed notes, at most PROGRESS_NOTES_MAX; `hasMore` when cut. */
export const progressNoteListSchema = z.object({
  notes: z.array(progressNoteSchema).max(PROGRESS_NOTES_MAX),
  hasMore: z.boolean(),
});
export type ProgressNoteList = z.infer<typeof progressNoteListSchema>;

// Psychotherapy notes: the author's private notes. The response never names anyone: it is always yours.
export const newPsychotherapyNoteSchema = z.object({
  id: z.uuid('Send a UUID made by the client.'),
  sessionDate: day,
  text: z.string().trim().min(1, 'Write the note.').max(20000),
});
export type NewPsychotherapyNote = z.infer<typeof newPsychotherapyNoteSchema>;
export const savePsychotherapyNoteSchema = z.object({
  version: z.number().int().positive(),
  sessionDate: day.optional(),
  text: z.string().trim().min(1, 'Write the note.').max(20000),
});
export type SavePsychotherapyNote = z.infer<typeof savePsychotherapyNoteSchema>;
export const psychotherapyNoteSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  sessionDate: z.string(),
  text: z.string(),
  version: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PsychotherapyNote = z.infer<typeof psychotherapyNoteSchema>;
/** Bounded (issue 19): the latest PSYCHOTHERAPY_NOTES_MAX by session, newest first; `hasMore` when cut. */
export const psychotherapyNoteListSchema = z.object({
  notes: z.array(psychotherapyNoteSchema).max(PSYCHOTHERAPY_NOTES_MAX),
  hasMore: z.boolean(),
});

// Team summaries: one current statement per patient and kind, every version kept.
export const teamSummaryKindSchema = z.enum(['therapy', 'medication']);
export type TeamSummaryKind = z.infer<typeof teamSummaryKindSchema>;
export const teamSummarySchema = z.object({
  kind: teamSummaryKindSchema,
  version: z.number(),
  text: z.string(),
  writtenBy: personSchema,
  writtenAt: z.number(),
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;
export const teamSummariesSchema = z.object({
  therapy: teamSummarySchema.nullable(),
  medication: teamSummarySchema.nullable(),
  /** Which of the two the caller may rewrite (the therapist the therapy one, the prescriber the other). */
  canEdit: z.object({ therapy: z.boolean(), medication: z.boolean() }),
});
export type TeamSummaries = z.infer<typeof teamSummariesSchema>;
export const writeTeamSummarySchema = z.object({
  text: z.string().trim().min(1, 'Write the summary.').max(2000),
  /** The version the writer started from (0 when there was none): a stale save is refused with 409. */
  baseVersion: z.number().int().min(0),
});
export type WriteTeamSummary = z.infer<typeof writeTeamSummarySchema>;
/** Bounded (issue 19): the latest `limit` versions, newest first; `hasMore` when older ones exist. */
export const teamSummaryHistorySchema = z.object({
  versions: z.array(teamSummarySchema),
  hasMore: z.boolean(),
});
export const teamSummaryHistoryQuerySchema = z.object({
  kind: teamSummaryKindSchema,
  limit: listLimitSchema(TEAM_SUMMARY_HISTORY_MAX),
});
