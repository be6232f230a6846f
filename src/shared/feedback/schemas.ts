import { z } from 'zod';
import { SESSION_FEEDBACK_MAX, TREATMENT_RATINGS_MAX } from '../lists/limits.js';
import { listLimitSchema } from '../lists/limit-query.js';

// API shapes of the patient's feedback: after each attended session, and every four weeks on each part
// of the treatment ("what works and what doesn't", issue 6).

/** A 0-10 rating (a slider on the phone). */
export const ratingSchema = z.number().int().min(0).max(10);
const answerText = z.string().trim().max(2000).default('');

export const newSessionFeedbackSchema = z.object({
  /** Made by the client: a retry with the same id returns the first result, never a second record. */
  id: z.uuid('Send a UUID made by the client.'),
  appointmentId: z.uuid('Send the appointment id.'),
  helped: answerText,
  notHelped: answerText,
  /** How well the session met the patient's goals, 0 (not at all) to 10 (completely). */
  goalsRating: ratingSchema,
  /** Whether the patient felt heard, 0 (not at all) to 10 (completely). */
  heardRating: ratingSchema,
  change: answerText,
});
export type NewSessionFeedback = z.infer<typeof newSessionFeedbackSchema>;

export const sessionFeedbackSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  appointmentId: z.string(),
  sessionAt: z.number(),
  /** The session's day in the patient's time zone. */
  sessionDay: z.string(),
  helped: z.string(),
  notHelped: z.string(),
  goalsRating: ratingSchema,
  heardRating: ratingSchema,
  change: z.string(),
  /** At or below the clinic's threshold on either rating (an alert went to the therapist). */
  low: z.boolean(),
  submittedAt: z.number(),
});
export type SessionFeedback = z.infer<typeof sessionFeedbackSchema>;

/** An attended session whose feedback form is open and not yet answered. */
export const awaitingFeedbackSchema = z.object({
  appointmentId: z.string(),
  sessionAt: z.number(),
  sessionDay: z.string(),
  /** Last day the form accepts answers (patient's time zone). */
  closesOn: z.string(),
});
export type AwaitingFeedback = z.infer<typeof awaitingFeedbackSchema>;

export const sessionFeedbackListSchema = z.object({
  /** Bounded (issue 19): the latest SESSION_FEEDBACK_MAX by session, oldest first; `hasMore` when cut. */
  feedback: z.array(sessionFeedbackSchema).max(SESSION_FEEDBACK_MAX),
  hasMore: z.boolean(),
  awaiting: z.array(awaitingFeedbackSchema),
  lowRatingThreshold: ratingSchema,
});
export type SessionFeedbackList = z.infer<typeof sessionFeedbackListSchema>;

/** One session's form: what the patient opens from the home card. */
export const sessionFeedbackFormSchema = z.object({
  appointmentId: z.string(),
  sessionAt: z.number(),
  sessionDay: z.string(),
  closesOn: z.string(),
  state: z.enum(['open', 'answered', 'closed']),
  feedback: sessionFeedbackSchema.nullable(),
});
export type SessionFeedbackForm = z.infer<typeof sessionFeedbackFormSchema>;

export const submitFeedbackResultSchema = z.object({ feedback: sessionFeedbackSchema });

// ---- Four-weekly ratings of each part of the treatment ----

export const treatmentPartKindSchema = z.enum(['medication', 'practice', 'sessions']);
export type TreatmentPartKind = z.infer<typeof treatmentPartKindSchema>;

/** A part of the treatment the patient rates: a medication (by record id), a practice type, or the sessions. */
export const treatmentPartSchema = z.object({
  kind: treatmentPartKindSchema,
  /** Medication record id, practice type code, or 'sessions'. */
  key: z.string().min(1).max(64),
  label: z.string(),
});
export type TreatmentPart = z.infer<typeof treatmentPartSchema>;

export const newTreatmentRatingSchema = z.object({
  id: z.uuid('Send a UUID made by the client.'),
  ratings: z
    .array(
      z.object({
        kind: treatmentPartKindSchema,
        key: z.string().min(1).max(64),
        /** 0 (not helping at all) to 10 (helps a great deal); null = "not sure yet". */
        score: ratingSchema.nullable(),
      }),
    )
    .min(1)
    .max(40),
});
export type NewTreatmentRating = z.infer<typeof newTreatmentRatingSchema>;

export const treatmentRatingRoundSchema = z.object({
  id: z.string(),
  ratedAt: z.number(),
  ratedDay: z.string(),
  ratings: z.array(treatmentPartSchema.extend({ score: ratingSchema.nullable() })),
});
export type TreatmentRatingRound = z.infer<typeof treatmentRatingRoundSchema>;

export const treatmentRatingsDueSchema = z.object({
  dueDay: z.string(),
  isDue: z.boolean(),
  today: z.string(),
});

export const treatmentRatingsSchema = z.object({
  /** The parts the patient rates now: current medications, assigned practice types, the sessions. */
  parts: z.array(treatmentPartSchema),
  /** Oldest first, as the chart reads them: the latest `limit` rounds (issue 19); `hasMore` when older ones exist. */
  rounds: z.array(treatmentRatingRoundSchema),
  hasMore: z.boolean(),
  due: treatmentRatingsDueSchema,
});
export const treatmentRatingsQuerySchema = z.object({ limit: listLimitSchema(TREATMENT_RATINGS_MAX) });
export type TreatmentRatings = z.infer<typeof treatmentRatingsSchema>;

export const submitTreatmentRatingResultSchema = z.object({ round: treatmentRatingRoundSchema });
