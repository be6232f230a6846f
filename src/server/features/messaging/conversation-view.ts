import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import type { ConversationDetail, Person } from '../../../shared/messaging/schemas.js';
import * as conversations from './conversations.repository.js';
import * as messages from './messages.repository.js';
import type { ConversationRow } from './conversations.repository.js';
import { toConversationSummary, toMessage, toPerson } from './messaging.mapper.js';

/** The patient sees only conversations with them; the team thread does not exist for them. */
export const visibleKinds = (actor: Actor): readonly string[] =>
  actor.role === 'patient' ? ['patient'] : ['team', 'patient'];

/** A conversation of this patient the actor may see, or 404 exactly like an unknown id. */
export async function visibleConversation(
  trx: Db,
  actor: Actor,
  patientId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const row = await conversations.findConversation(trx, actor.clinicId, patientId, conversationId);
  if (!row || !visibleKinds(actor).includes(row.kind)) throw notFound('Conversation');
  return row;
}

/** Who takes part: the care team, and the patient too in a patient conversation. */
export async function participantsOf(
  trx: Db,
  clinicId: string,
  patientId: string,
  kind: string,
): Promise<Person[]> {
  const team = (await conversations.careTeamOf(trx, clinicId, patientId)).map(toPerson);
  if (kind !== 'patient') return team;
  const patient = await conversations.patientAccount(trx, clinicId, patientId);
  return patient ? [toPerson(patient), ...team] : team;
}

export async function summaries(trx: Db, actor: Actor, rows: ConversationRow[], people: Person[]) {
  const counts = await messages.countsOf(
    trx,
    actor.clinicId,
    rows.map((r) => r.id),
    actor.userId,
  );
  const byId = new Map(people.map((p) => [p.userId, p]));
  return rows.map((r) =>
    toConversationSummary(r, r.started_by ? (byId.get(r.started_by) ?? null) : null, counts.get(r.id)),
  );
}

export async function loadMessage(trx: Db, actor: Actor, row: ConversationRow, messageId: string) {
  const message = await messages.findMessage(trx, actor.clinicId, row.id, messageId);
  if (!message) throw notFound('Message');
  const people = await participantsOf(trx, actor.clinicId, row.patient_id, row.kind);
  const reads = await messages.readsOf(trx, actor.clinicId, [message.id]);
  return toMessage(message, reads, new Map(people.map((p) => [p.userId, p.name])));
}

export async function loadDetail(
  trx: Db,
  actor: Actor,
  row: ConversationRow,
  page: { before?: number | undefined; limit: number },
): Promise<ConversationDetail> {
  const people = await participantsOf(trx, actor.clinicId, row.patient_id, row.kind);
  const { rows, hasOlder } = await messages.messagesOf(trx, actor.clinicId, row.id, page);
  const reads = await messages.readsOf(
    trx,
    actor.clinicId,
    rows.map((m) => m.id),
  );
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const [summary] = await summaries(trx, actor, [row], people);
  if (!summary) throw notFound('Conversation');
  return {
    conversation: summary,
    participants: people,
    messages: rows.map((m) => toMessage(m, reads, names)),
    hasOlder,
  };
}
