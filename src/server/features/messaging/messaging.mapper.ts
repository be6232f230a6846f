import { z } from 'zod';
import type { Role } from '../../../shared/access/roles.js';
import type {
  Consult,
  ConsultPriority,
  ConsultState,
  ConversationKind,
  ConversationSummary,
  Message,
  Person,
} from '../../../shared/messaging/schemas.js';
import type { ConversationRow } from './conversations.repository.js';
import type { MessageRow, ReadRow } from './messages.repository.js';
import type { ConsultRow } from './consults.repository.js';

export const TEAM_THREAD_SUBJECT = 'Care team';

const mentionIdsSchema = z.array(z.string());

export function toPerson(row: { user_id: string; name: string; role: string }): Person {
  return { userId: row.user_id, name: row.name, role: row.role as Role };
}

export function parseMentions(json: string): string[] {
  return mentionIdsSchema.parse(JSON.parse(json));
}

export function toMessage(row: MessageRow, reads: ReadRow[], names: ReadonlyMap<string, string>): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    author: { userId: row.author_id, name: row.author_name, role: row.author_role as Role },
    body: row.body,
    mentions: parseMentions(row.mentions).map((userId) => ({
      userId,
      name: names.get(userId) ?? 'Former member',
    })),
    createdAt: row.created_at,
    readBy: reads
      .filter((r) => r.message_id === row.id && r.user_id !== row.author_id)
      .map((r) => ({ userId: r.user_id, name: r.name, at: r.read_at })),
  };
}

export function toConversationSummary(
  row: ConversationRow,
  startedBy: Person | null,
  counts: { total: number; unread: number } | undefined,
): ConversationSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind as ConversationKind,
    subject: row.subject,
    startedBy,
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
    messageCount: counts?.total ?? 0,
    unreadCount: counts?.unread ?? 0,
    awaitingReply: row.awaiting_message_id !== null,
  };
}

export function toConsult(row: ConsultRow): Consult {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: `${row.given_name} ${row.family_name}`,
    from: { userId: row.from_user_id, name: row.from_name, role: row.from_role as Role },
    to: { userId: row.to_user_id, name: row.to_name, role: row.to_role as Role },
    priority: row.priority as ConsultPriority,
    question: row.question,
    state: row.state as ConsultState,
    reply: row.reply,
    repliedAt: row.replied_at,
    closedBy:
      row.closed_by && row.closed_by_name && row.closed_by_role
        ? { userId: row.closed_by, name: row.closed_by_name, role: row.closed_by_role as Role }
        : null,
    closedAt: row.closed_at,
    closeNote: row.close_note,
    createdAt: row.created_at,
    version: row.version,
  };
}
