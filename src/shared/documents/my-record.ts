import { z } from 'zod';

/**
 * "My record" as a machine-readable file (issue 14, right of access): one JSON document with a `format` and
 * a `version`, so a program reading it knows what it holds. Days are YYYY-MM-DD and clock times HH:MM in
 * the patient's time zone (`patient.timeZone`); instants are ISO 8601 in UTC. Documented in docs/documents.md.
 * Never holds psychotherapy notes, the care team's own thread or therapist-only practice.
 */
export const MY_RECORD_FORMAT = 'duet.my-record';
export const MY_RECORD_VERSION = 1;

const instant = z.string().describe('ISO 8601 instant in UTC');
const day = z.string().describe('YYYY-MM-DD in the patient’s time zone');

export const myRecordSchema = z.object({
  format: z.literal(MY_RECORD_FORMAT),
  version: z.literal(MY_RECORD_VERSION),
  generatedAt: instant,
  clinic: z.object({ name: z.string() }),
  patient: z.object({
    name: z.string(),
    birthDate: z.string(),
    timeZone: z.string(),
  }),
  treatmentPlan: z
    .object({
      versionNumber: z.number().int(),
      agreedAt: instant,
      reviewDate: z.string().nullable(),
      /** The plan's sections as stored (shared/treatment-plans/schemas.ts planContentSchema). */
      content: z.record(z.string(), z.unknown()),
      signatures: z.array(z.object({ name: z.string(), role: z.string(), signedAt: instant })),
      acknowledgedAt: instant.nullable(),
    })
    .nullable(),
  medications: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      startDate: day,
      endDate: day.nullable(),
      instructions: z.string(),
      prescriber: z.string(),
      currentDose: z.object({ amount: z.number(), unit: z.string(), schedule: z.string() }).nullable(),
      history: z.array(z.object({ day, change: z.string(), summary: z.string(), reason: z.string() })),
    }),
  ),
  allergies: z.array(
    z.object({
      substance: z.string(),
      reaction: z.string().nullable(),
      severity: z.string().nullable(),
      confirmed: z.boolean(),
    }),
  ),
  scores: z.array(
    z.object({
      questionnaire: z.string(),
      day,
      total: z.number().nullable(),
      severity: z.string().nullable(),
    }),
  ),
  appointments: z.array(
    z.object({
      day,
      time: z.string(),
      durationMinutes: z.number(),
      type: z.string(),
      with: z.string(),
      mode: z.string(),
      status: z.string(),
    }),
  ),
  practice: z.array(
    z.object({ day, type: z.string(), name: z.string(), content: z.record(z.string(), z.unknown()) }),
  ),
  messages: z.array(z.object({ conversation: z.string(), at: instant, from: z.string(), text: z.string() })),
  accessReport: z.array(
    z.object({
      day,
      who: z.string(),
      role: z.string().nullable(),
      what: z.string(),
      times: z.number().int(),
    }),
  ),
});
export type MyRecord = z.infer<typeof myRecordSchema>;
