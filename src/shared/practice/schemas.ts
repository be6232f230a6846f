import { z } from 'zod';
import { roleSchema } from '../access/roles.js';
import { daySchema, iptProblemAreas } from '../treatment-plans/schemas.js';
import {
  activityLogSchema,
  diaryCardSchema,
  freeFormSchema,
  interpersonalLogSchema,
  practiceTypeSchema,
  thoughtRecordSchema,
} from './content.js';
import { sharingSchema } from './sharing.js';
import { crisisSchema } from '../measures/schemas.js';
import { PRACTICE_ENTRIES_MAX } from '../lists/limits.js';

// API shapes of skills practice between sessions (issue 6).

export const frequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('weekly'), timesPerWeek: z.number().int().min(1).max(7) }),
  z.object({ kind: z.literal('once') }),
]);
export const iptProblemAreaSchema = z.enum(iptProblemAreas);

const person = z.object({ userId: z.string(), name: z.string() });
const completionSchema = z.object({
  done: z.number().int(),
  completed: z.number().int(),
  expected: z.number().int(),
  rate: z.number().nullable(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  type: practiceTypeSchema,
  libraryVersion: z.string(),
  instructions: z.string(),
  frequency: frequencySchema,
  startDay: z.string(),
  dueDay: z.string(),
  iptProblemArea: iptProblemAreaSchema.nullable(),
  status: z.enum(['active', 'ended']),
  /** Past its due day but not ended by the therapist: still listed, no longer expected. */
  overdue: z.boolean(),
  endedAt: z.number().nullable(),
  endedBy: person.nullable(),
  assignedBy: person,
  createdAt: z.number(),
  version: z.number().int(),
  defaultSharing: sharingSchema,
  /** Counts every completed entry, therapist-only ones too, without their content (sharing.ts). */
  completion: completionSchema,
  lastDoneDay: z.string().nullable(),
  /** The patient's unfinished entry of this assignment (for "continue"); null for clinicians. */
  draftEntryId: z.string().nullable(),
});
export type PracticeAssignment = z.infer<typeof assignmentSchema>;

export const practiceOverviewSchema = z.object({
  today: z.string(),
  timeZone: z.string(),
  /** The IPT problem area of the patient's current plan, when it has one. */
  planIptProblemArea: iptProblemAreaSchema.nullable(),
  assignments: z.array(assignmentSchema),
});
export type PracticeOverview = z.infer<typeof practiceOverviewSchema>;

export const newAssignmentSchema = z
  .object({
    /** Made by the client: a retried assign returns the first one. */
    id: z.uuid(),
    type: practiceTypeSchema,
    instructions: z.string().trim().max(2000).default(''),
    frequency: frequencySchema,
    dueDay: daySchema,
    /** For an IPT log: defaults to the plan's problem area; required when the plan has none. */
    iptProblemArea: iptProblemAreaSchema.nullable().optional(),
  })
  .refine((a) => a.type !== 'free_form' || a.instructions !== '', {
    error: 'A free-form exercise needs your instructions.',
    path: ['instructions'],
  });
export type NewAssignment = z.infer<typeof newAssignmentSchema>;

export const commentSchema = z.object({
  id: z.string(),
  text: z.string(),
  author: person.extend({ role: roleSchema }),
  createdAt: z.number(),
});
export type PracticeComment = z.infer<typeof commentSchema>;

const entryBase = z.object({
  id: z.string(),
  patientId: z.string(),
  assignmentId: z.string(),
  /** The day the entry is about (a diary card's day), in the patient's time zone. */
  day: z.string(),
  sharing: sharingSchema,
  status: z.enum(['draft', 'done']),
  version: z.number().int(),
  startedAt: z.number(),
  updatedAt: z.number(),
  completedAt: z.number().nullable(),
  comments: z.array(commentSchema),
  /**
   * Only in the answer to the save that completed an entry at risk of self-harm (and its retries; issue 12,
   * risk.ts): the patient's crisis resources and safety plan, to show at once.
   */
  crisis: crisisSchema.nullable().optional(),
});
export const entrySchema = z.discriminatedUnion('type', [
  entryBase.extend({ type: z.literal('thought_record'), content: thoughtRecordSchema }),
  entryBase.extend({ type: z.literal('behavioural_activation'), content: activityLogSchema }),
  entryBase.extend({ type: z.literal('diary_card'), content: diaryCardSchema }),
  entryBase.extend({ type: z.literal('ipt_log'), content: interpersonalLogSchema }),
  entryBase.extend({ type: z.literal('free_form'), content: freeFormSchema }),
]);
export type PracticeEntry = z.infer<typeof entrySchema>;
/** Bounded (issue 19): the latest PRACTICE_ENTRIES_MAX by day, oldest first, `hasMore` when older ones are not listed. */
export const entryListSchema = z.object({
  entries: z.array(entrySchema).max(PRACTICE_ENTRIES_MAX),
  hasMore: z.boolean(),
});
export const entryListQuerySchema = z.object({ assignmentId: z.uuid().optional() });

/**
 * Saving an entry (PUT with the client's id): creates it the first time, updates the draft after. The
 * content is validated against the assignment's type. `done: true` completes it; a done entry is locked
 * except for its sharing choice. If-Match is optional: with it a stale save answers 412; without it the
 * last save wins (drafts only ever have one writer, the patient's own phone).
 */
export const saveEntrySchema = z.object({
  assignmentId: z.uuid(),
  day: daySchema.optional(),
  sharing: sharingSchema.optional(),
  content: z.unknown(),
  done: z.boolean().default(false),
});
export type SaveEntry = z.infer<typeof saveEntrySchema>;

export const newCommentSchema = z.object({ id: z.uuid(), text: z.string().trim().min(1).max(2000) });
export type NewComment = z.infer<typeof newCommentSchema>;

export const libraryAnswerSchema = z.object({
  version: z.string(),
  kinds: z.array(
    z.object({
      type: practiceTypeSchema,
      name: z.string(),
      patientName: z.string(),
      forClinician: z.string(),
      forPatient: z.string(),
      defaultSharing: sharingSchema,
    }),
  ),
});
