import { z } from 'zod';
import { agendaItemSchema } from './schemas.js';

/** The visit summary's API shape (issue 14): "since last visit" for the appointment's clinician. */
const day = z.string();
const scoreAt = z.object({ day, total: z.number().nullable(), severity: z.string().nullable() });

export const visitSummarySchema = z.object({
  patient: z.object({ id: z.string(), name: z.string(), birthDate: z.string() }),
  appointment: z.object({
    id: z.string(),
    type: z.string(),
    day,
    time: z.string(),
    status: z.string(),
    clinicianName: z.string(),
  }),
  /** Where "since" starts: the last attended appointment with this clinician, or the treatment start. */
  since: z.object({
    day,
    basis: z.enum(['last_visit', 'treatment_start']),
    appointmentId: z.string().nullable(),
  }),
  /** The last day counted: the appointment's day, or today for one still to come. */
  to: day,
  scores: z.array(
    z.object({
      instrument: z.enum(['phq9', 'gad7']),
      label: z.string(),
      first: scoreAt.nullable(),
      last: scoreAt.nullable(),
      /** last − first (points); null with fewer than two scored answers. */
      change: z.number().nullable(),
      answers: z.number(),
    }),
  ),
  medications: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The dose in effect on the last day, e.g. "300 mg"; null when stopped or paused. */
      dose: z.string().nullable(),
      adherence: z.object({ taken: z.number(), scheduled: z.number(), percent: z.number().nullable() }),
      missedStretches: z.number(),
      changes: z.array(
        z.object({ id: z.string(), day, kind: z.string(), summary: z.string(), reason: z.string() }),
      ),
    }),
  ),
  sideEffects: z.array(
    z.object({
      id: z.string(),
      day,
      severity: z.string(),
      medicationName: z.string().nullable(),
      symptoms: z.array(z.string()),
      answers: z.array(z.object({ day, kind: z.string(), note: z.string() })),
    }),
  ),
  practice: z.array(z.object({ type: z.string(), label: z.string(), done: z.number(), lastDay: day })),
  feedback: z.object({
    sessionRatings: z.array(z.object({ day, goalsRating: z.number(), heardRating: z.number() })),
    whatHelps: z.array(
      z.object({ day, parts: z.array(z.object({ label: z.string(), score: z.number().nullable() })) }),
    ),
  }),
  openAlerts: z.array(
    z.object({ id: z.string(), title: z.string(), severity: z.string(), state: z.string(), day }),
  ),
  agenda: z.array(agendaItemSchema),
  /** What the other clinician did: the prescriber's changes for a therapist, the therapist's work for a prescriber. */
  otherClinician: z.object({
    role: z.enum(['therapist', 'prescriber']),
    entries: z.array(z.object({ day, what: z.string() })),
  }),
});
export type VisitSummary = z.output<typeof visitSummarySchema>;
