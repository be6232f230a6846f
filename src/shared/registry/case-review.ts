import { z } from 'zod';
import { isRealCalendarDay } from '../patients/validation.js';
import { CASE_REVIEW_SESSIONS_MAX } from '../lists/limits.js';

/** Case review (issue 5; care-rules.md, "Systematic caseload review": care manager with psychiatric consultant). */
export const caseReviewMarkSchema = z.object({
  reason: z.string(),
  markedBy: z.string(),
  markedByName: z.string(),
  markedAt: z.number(),
});

export const recommendationSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  sessionId: z.string().nullable(),
  byUserId: z.string(),
  byName: z.string(),
  priority: z.enum(['routine', 'high']),
  summary: z.string(),
  details: z.string(),
  createdAt: z.number(),
  /** Issue 15: the team member who carries it out (null: the whole team), and by when (YYYY-MM-DD). */
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done', 'declined']),
  closedReason: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.number().nullable(),
  version: z.number(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const patientCaseReviewSchema = z.object({
  mark: caseReviewMarkSchema.nullable(),
  recommendations: z.array(recommendationSchema),
});

export const markInputSchema = z.object({
  reason: z.string().trim().min(1, 'Say what to discuss.').max(1000),
});

export const recommendationInputSchema = z.object({
  /** Made by the client, so a retried submit stores one recommendation. */
  id: z.uuid(),
  sessionId: z.uuid().nullable().default(null),
  priority: z.enum(['routine', 'high']).default('routine'),
  summary: z
    .string()
    .trim()
    .min(1, 'Write the recommendation.')
    .max(500, 'The recommendation can be at most 500 characters.'),
  details: z.string().trim().max(5000, 'The details can be at most 5,000 characters.').default(''),
  /** Issue 15: a member of the patient's care team (null: the whole team). */
  assignedTo: z.string().min(1).max(64).nullable().default(null),
  dueDate: z.string().refine(isRealCalendarDay, 'Use a real date as YYYY-MM-DD.').nullable().default(null),
});

export const sessionInputSchema = z.object({
  reviewDate: z.string().refine(isRealCalendarDay, 'Use a real date as YYYY-MM-DD.'),
  participantIds: z.array(z.string().min(1).max(64)).max(20).default([]),
});

export const caseReviewSessionSchema = z.object({
  id: z.string(),
  reviewDate: z.string(),
  createdBy: z.string(),
  participants: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  createdAt: z.number(),
});

/** The caller's case reviews, bounded (issue 19): the latest CASE_REVIEW_SESSIONS_MAX by date, `hasMore` when cut. */
export const caseReviewSessionListSchema = z.object({
  sessions: z.array(caseReviewSessionSchema).max(CASE_REVIEW_SESSIONS_MAX),
  hasMore: z.boolean(),
});

export const agendaItemSchema = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  mark: caseReviewMarkSchema,
});

export const caseReviewSessionDetailSchema = caseReviewSessionSchema.extend({
  /** Marked patients on the caller's caseload, oldest mark first. */
  agenda: z.array(agendaItemSchema),
  recommendations: z.array(recommendationSchema),
});
