import { z } from 'zod';
import { roleSchema } from '../access/roles.js';
import { crisisSchema } from '../measures/schemas.js';
import { CONVERSATIONS_MAX, MY_CONSULTS_MAX, PATIENT_CONSULTS_MAX } from '../lists/limits.js';
import { listLimitSchema } from '../lists/limit-query.js';

/** Longest message body a person can send (about two pages of text). */
export const MESSAGE_MAX_CHARS = 5000;
export const SUBJECT_MAX_CHARS = 200;
export const CONSULT_QUESTION_MAX_CHARS = 4000;
export const CONSULT_REPLY_MAX_CHARS = 5000;
export const MENTIONS_MAX = 10;

/** Client-made ids (UUID, any version): a phone that retries sends the same id and gets the first result. */
export const clientIdSchema = z.uuid('Send a UUID made by the client.');

const text = (max: number) => z.string().trim().min(1, 'Write something.').max(max);

// ---- people -------------------------------------------------------------------------------------

export const personSchema = z.object({ userId: z.string(), name: z.string(), role: roleSchema });
export type Person = z.infer<typeof personSchema>;

export const readReceiptSchema = z.object({ userId: z.string(), name: z.string(), at: z.number() });
export type ReadReceipt = z.infer<typeof readReceiptSchema>;

// ---- conversations and messages -----------------------------------------------------------------

/** `team`: the care team's own thread, never shown to the patient. `patient`: the patient and their care team. */
export const conversationKindSchema = z.enum(['team', 'patient']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  author: personSchema,
  body: z.string(),
  mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
  createdAt: z.number(),
  /** Everyone except the author who has read this message, in the order they read it. */
  readBy: z.array(readReceiptSchema),
  /** Issue 12: only in the answer to a patient's "I'm not safe" message: their crisis resources and safety plan. */
  crisis: crisisSchema.nullable().optional(),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  kind: conversationKindSchema,
  /** The team thread's subject is fixed ("Care team"); patient conversations carry the starter's subject. */
  subject: z.string(),
  startedBy: personSchema.nullable(),
  createdAt: z.number(),
  lastMessageAt: z.number().nullable(),
  messageCount: z.number(),
  /** Messages by others that the caller has not marked read. */
  unreadCount: z.number(),
  /** True while the patient's latest message has no answer from a clinician. */
  awaitingReply: z.boolean(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** Bounded (issue 19): at most CONVERSATIONS_MAX, the team thread and those awaiting a reply first; `hasMore` when cut. */
export const conversationListSchema = z.object({
  conversations: z.array(conversationSummarySchema).max(CONVERSATIONS_MAX),
  hasMore: z.boolean(),
});
export type ConversationList = z.infer<typeof conversationListSchema>;

export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  /** Who takes part: the care team, plus the patient in a patient conversation. */
  participants: z.array(personSchema),
  /** Oldest first. */
  messages: z.array(messageSchema),
  /** True when older messages exist than the first one returned (page with `before`). */
  hasOlder: z.boolean(),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

export const conversationQuerySchema = z.object({
  /** Only messages sent before this instant (epoch ms), for paging back. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const mentionListSchema = z
  .array(z.string().min(1).max(64))
  .max(MENTIONS_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'The same person is mentioned twice.')
  .default([]);

export const newMessageSchema = z.object({
  id: clientIdSchema,
  body: text(MESSAGE_MAX_CHARS),
  /** User ids of care-team members (clinicians only may mention). */
  mentions: mentionListSchema,
  /** Issue 12: the patient flags "I'm not safe": crisis resources at once, an urgent alert to the team. */
  notSafe: z.boolean().default(false),
});
export type NewMessage = z.input<typeof newMessageSchema>;

export const newConversationSchema = z.object({
  id: clientIdSchema,
  subject: text(SUBJECT_MAX_CHARS),
  firstMessage: newMessageSchema,
});
export type NewConversation = z.input<typeof newConversationSchema>;

export const markReadSchema = z.object({ upToMessageId: z.string().min(1).max(64) });
export const markReadResultSchema = z.object({ marked: z.number() });

// ---- consults -----------------------------------------------------------------------------------

export const consultPrioritySchema = z.enum(['routine', 'high', 'urgent']);
export type ConsultPriority = z.infer<typeof consultPrioritySchema>;
export const consultStateSchema = z.enum(['open', 'closed']);
export type ConsultState = z.infer<typeof consultStateSchema>;

export const consultSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  from: personSchema,
  to: personSchema,
  priority: consultPrioritySchema,
  question: z.string(),
  state: consultStateSchema,
  reply: z.string().nullable(),
  repliedAt: z.number().nullable(),
  /** Who closed it: the recipient by replying, or either side without a reply (with a note). */
  closedBy: personSchema.nullable(),
  closedAt: z.number().nullable(),
  closeNote: z.string().nullable(),
  createdAt: z.number(),
  version: z.number(),
});
export type Consult = z.infer<typeof consultSchema>;

/** One patient's consults, bounded (issue 19): open ones first, then the newest, at most `limit`; `hasMore` when cut. */
export const consultListSchema = z.object({ consults: z.array(consultSchema), hasMore: z.boolean() });
/** A clinician's consults, bounded (issue 19): at most MY_CONSULTS_MAX, open ones first, `hasMore` when cut. */
export const myConsultListSchema = z.object({
  consults: z.array(consultSchema).max(MY_CONSULTS_MAX),
  hasMore: z.boolean(),
});

export const newConsultSchema = z.object({
  id: clientIdSchema,
  toUserId: z.string().min(1).max(64),
  priority: consultPrioritySchema,
  question: text(CONSULT_QUESTION_MAX_CHARS),
});
export type NewConsult = z.input<typeof newConsultSchema>;

/** The recipient's answer; it closes the consult. Send with `If-Match: "<version>"`. */
export const consultReplySchema = z.object({ reply: text(CONSULT_REPLY_MAX_CHARS) });
/** Closing without an answer (withdrawn, handled elsewhere). Send with `If-Match`. */
export const consultCloseSchema = z.object({ note: text(1000).optional() });

/** `GET /api/consults`: my consults across patients. `role=to` asked of me, `from` asked by me. */
export const myConsultsQuerySchema = z.object({
  role: z.enum(['to', 'from']).optional(),
  state: consultStateSchema.optional(),
});
export const patientConsultsQuerySchema = z.object({
  state: consultStateSchema.optional(),
  limit: listLimitSchema(PATIENT_CONSULTS_MAX),
});
