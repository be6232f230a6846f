import { z } from 'zod';

/**
 * Domain events: facts other parts of Duet react to. Each is written to the outbox in the same
 * transaction as the fact itself (design §4, "Events go through an outbox"); the worker turns them into
 * alerts and notifications exactly once. Add a new event here with its payload schema.
 */
export const eventPayloadSchemas = {
  /** A plan version was submitted for signature; the listed clinicians still have to sign it. */
  'plan.signature_requested': z.object({
    planId: z.string(),
    versionId: z.string(),
    versionNumber: z.number(),
    awaitingUserIds: z.array(z.string()),
  }),
  /** The agreed plan reached its review date. */
  'plan.review_due': z.object({ planId: z.string(), versionId: z.string(), reviewDate: z.string() }),
  /** A patient wrote to their care team. */
  'message.from_patient': z.object({ conversationId: z.string(), messageId: z.string() }),
  /** A patient's message has had no answer from a clinician for 2 working days. */
  'message.unanswered': z.object({ conversationId: z.string(), messageId: z.string(), sentAt: z.number() }),
  /** One clinician asked another for a consult about a patient. */
  'consult.requested': z.object({
    consultId: z.string(),
    fromUserId: z.string(),
    toUserId: z.string(),
    priority: z.enum(['routine', 'high', 'urgent']),
    summary: z.string(),
  }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  clinicId: string;
  patientId: string | null;
  payload: EventPayload<T>;
  createdAt: number;
}
