// The treatment timeline's API (issue 14): one answer with every event of a patient in a window, so the
// clinician's timeline and the patient's "My progress" read one request each.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-02');

/** `from` and `to` are local days (inclusive); both optional: the default window is the last year. */
export const timelineQuerySchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'The start of the window must not be after its end',
    path: ['from'],
  });

export const scoreMarkSchema = z.object({
  id: z.string(),
  instrument: z.enum(['phq9', 'gad7']),
  day,
  at: z.number(),
  total: z.number().nullable(),
  severity: z.string().nullable(),
  /** PHQ-9 item 9 as answered (null for GAD-7); shown to the care team only. */
  item9: z.number().nullable(),
});

export const dosePeriodSchema = z.object({
  from: day,
  /** Last day of the period (inclusive); null while it is in effect. */
  to: day.nullable(),
  doseAmount: z.number(),
  doseUnit: z.string(),
  paused: z.boolean(),
});

export const medicationChangeMarkSchema = z.object({
  id: z.string(),
  kind: z.string(),
  summary: z.string(),
  reason: z.string(),
  day,
});

export const weekAdherenceSchema = z.object({
  /** Monday of the week (ISO). */
  weekStart: day,
  taken: z.number(),
  scheduled: z.number(),
  percent: z.number().nullable(),
});

export const missedStretchSchema = z.object({ from: day, to: day, doses: z.number() });

export const medicationLaneSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: day,
  endDate: day.nullable(),
  status: z.string(),
  periods: z.array(dosePeriodSchema),
  changes: z.array(medicationChangeMarkSchema),
  weeks: z.array(weekAdherenceSchema),
  missedStretches: z.array(missedStretchSchema),
});

export const sessionMarkSchema = z.object({
  id: z.string(),
  type: z.string(),
  day,
  at: z.number(),
  status: z.enum(['scheduled', 'attended', 'no_show', 'cancelled']),
});

export const sideEffectMarkSchema = z.object({
  id: z.string(),
  day,
  severity: z.enum(['mild', 'moderate', 'severe']),
  medicationName: z.string().nullable(),
  symptoms: z.array(z.string()),
});

export const practiceMarkSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  type: z.string(),
  day,
  sharing: z.enum(['team', 'therapist']),
});

export const sessionRatingMarkSchema = z.object({
  id: z.string(),
  appointmentId: z.string(),
  day,
  goalsRating: z.number(),
  heardRating: z.number(),
});

export const whatHelpsMarkSchema = z.object({
  id: z.string(),
  day,
  parts: z.array(z.object({ kind: z.string(), label: z.string(), score: z.number().nullable() })),
});

export const planMarkSchema = z.object({
  id: z.string(),
  kind: z.enum(['version', 'review']),
  day,
  /** "Version 2 (agreed)" or the review's decision. */
  label: z.string(),
});

export const timelineSchema = z.object({
  patientId: z.string(),
  /** Bounded (issue 19): without `from`, the window is at most TIMELINE_MAX_DAYS; true when the record starts
   *  before it (the page says so). */
  hasMore: z.boolean(),
  from: day,
  to: day,
  today: day,
  /** Each instrument's baseline total (the chosen baseline, else the first scored answer; ever, not only in
   *  the window): response is read from it. */
  baselines: z.object({ phq9: z.number().nullable(), gad7: z.number().nullable() }),
  scores: z.array(scoreMarkSchema),
  medications: z.array(medicationLaneSchema),
  sessions: z.array(sessionMarkSchema),
  sideEffects: z.array(sideEffectMarkSchema),
  practice: z.array(practiceMarkSchema),
  sessionRatings: z.array(sessionRatingMarkSchema),
  whatHelps: z.array(whatHelpsMarkSchema),
  plan: z.array(planMarkSchema),
});

/** The patient's own view: scores, own medicines, own practice and plain-words sentences. */
export const progressSchema = z.object({
  /** As the timeline's: the record starts before the ten-year window shown (issue 19). */
  hasMore: z.boolean(),
  from: day,
  to: day,
  today: day,
  scores: z.array(scoreMarkSchema.omit({ item9: true })),
  medications: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startDate: day,
      endDate: day.nullable(),
      periods: z.array(dosePeriodSchema),
    }),
  ),
  practice: z.array(z.object({ id: z.string(), type: z.string(), label: z.string(), day })),
  sentences: z.array(z.string()),
});
