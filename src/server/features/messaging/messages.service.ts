import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import type { Message } from '../../../shared/messaging/schemas.js';
import * as conversations from './conversations.repository.js';
import * as messages from './messages.repository.js';
import type { ConversationRow } from './conversations.repository.js';
import { loadMessage, participantsOf, visibleConversation } from './conversation-view.js';
import { reportNotSafeMessage } from '../practice/index.js';

export interface MessageInput {
  id: string;
  body: string;
  mentions: string[];
  /** Issue 12: a patient's "I'm not safe" flag (practice/entry-risk.ts reportNotSafeMessage). */
  notSafe?: boolean;
}

const idTaken = () =>
  new AppError('conflict', 'This message id is already used by another message. Send a new id.', [
    { path: 'body.id', message: 'Already used' },
  ]);

/** Mentions name people on the patient's care team; only clinicians mention. */
async function assertMentionable(
  trx: Db,
  actor: Actor,
  patientId: string,
  mentions: string[],
): Promise<void> {
  if (mentions.length === 0) return;
  if (actor.role === 'patient') {
    throw new AppError('validation_failed', 'Patients cannot mention people.', [
      { path: 'body.mentions', message: 'Not allowed' },
    ]);
  }
  const team = new Set(
    (await conversations.careTeamOf(trx, actor.clinicId, patientId)).map((m) => m.user_id),
  );
  const strangers = mentions.filter((id) => !team.has(id));
  if (strangers.length > 0) {
    throw new AppError('validation_failed', 'You can mention only people on this care team.', [
      { path: 'body.mentions', message: 'Not on the care team', ids: strangers },
    ]);
  }
}

/**
 * Posts one message inside the caller's transaction. Idempotent: the id is the client's, and a retry of
 * the same message returns the first result (created = false). Events, notifications and alert closing
 * happen in the same transaction as the message.
 */
export async function postInConversation(
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  conversation: ConversationRow,
  input: MessageInput,
): Promise<{ message: Message; created: boolean }> {
  const replay = async () => {
    const first = await messages.findMessageById(trx, input.id);
    if (!first || first.conversation_id !== conversation.id || first.author_id !== actor.userId)
      throw idTaken();
    return { message: await loadMessage(trx, actor, conversation, input.id), created: false };
  };
  if (await messages.findMessageById(trx, input.id)) return replay();
  await assertMentionable(trx, actor, conversation.patient_id, input.mentions);
  const now = deps.clock.now();
  const inserted = await messages.insertMessage(trx, {
    id: input.id,
    clinic_id: actor.clinicId,
    patient_id: conversation.patient_id,
    conversation_id: conversation.id,
    author_id: actor.userId,
    body: input.body,
    mentions: JSON.stringify(input.mentions),
    created_at: now,
    sort_key: newId(),
  });
  if (!inserted) return replay(); // a concurrent retry won the race

  const fromPatient = actor.role === 'patient';
  const withPatient = conversation.kind === 'patient';
  const changes: Parameters<typeof conversations.updateAfterPost>[3] = { last_message_at: now };
  if (withPatient && fromPatient && conversation.awaiting_message_id === null) {
    changes.awaiting_message_id = input.id;
    changes.awaiting_since = now;
  }
  if (withPatient && !fromPatient) {
    changes.awaiting_message_id = null;
    changes.awaiting_since = null;
  }
  await conversations.updateAfterPost(trx, actor.clinicId, conversation.id, changes);

  const crisis =
    fromPatient && input.notSafe === true
      ? await reportNotSafeMessage(deps, trx, actor.clinicId, conversation.patient_id, input.id)
      : null;
  if (fromPatient) {
    await emitEvent(trx, deps.clock, {
      type: 'message.from_patient',
      clinicId: actor.clinicId,
      patientId: conversation.patient_id,
      payload: { conversationId: conversation.id, messageId: input.id },
    });
  }
  if (withPatient && !fromPatient) {
    // A clinician answered: the "new message" and "unanswered" alerts about this conversation are done.
    const note = 'Answered in the conversation';
    const base = { clinicId: actor.clinicId, note, byUserId: actor.userId };
    await resolveAlertsForSubject(trx, deps, { ...base, subjectId: conversation.id });
    if (conversation.awaiting_message_id)
      await resolveAlertsForSubject(trx, deps, { ...base, subjectId: conversation.awaiting_message_id });
  }
  await notifyByEmail(
    trx,
    deps,
    actor.clinicId,
    await recipients(trx, actor, conversation, input),
    'message',
  );
  const message = await loadMessage(trx, actor, conversation, input.id);
  return { message: crisis ? { ...message, crisis } : message, created: true };
}

/**
 * Who gets an email: in the team thread, the rest of the team; a patient's message goes to the whole
 * team; a clinician's message in a patient conversation goes to the patient and anyone mentioned.
 */
async function recipients(trx: Db, actor: Actor, conversation: ConversationRow, input: MessageInput) {
  const people = await participantsOf(trx, actor.clinicId, conversation.patient_id, conversation.kind);
  const others = people.filter((p) => p.userId !== actor.userId);
  if (conversation.kind === 'team' || actor.role === 'patient') return others.map((p) => p.userId);
  return others.filter((p) => p.role === 'patient' || input.mentions.includes(p.userId)).map((p) => p.userId);
}

export function postMessage(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  conversationId: string,
  input: MessageInput,
): Promise<{ message: Message; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'message.create', resourceType: 'message', resourceId: input.id },
    async (trx) =>
      postInConversation(
        trx,
        deps,
        actor,
        await visibleConversation(trx, actor, patientId, conversationId),
        input,
      ),
  );
}

/** Marks every message by others up to and including `upToMessageId` as read by the caller. */
export function markRead(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  conversationId: string,
  upToMessageId: string,
): Promise<{ marked: number }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'message.mark_read', resourceType: 'conversation', resourceId: conversationId },
    async (trx) => {
      const conversation = await visibleConversation(trx, actor, patientId, conversationId);
      const upTo = await messages.findMessage(trx, actor.clinicId, conversation.id, upToMessageId);
      if (!upTo) throw new AppError('not_found', 'Message not found');
      const ids = await messages.unreadUpTo(
        trx,
        actor.clinicId,
        conversation.id,
        actor.userId,
        upTo.sort_key,
      );
      await messages.insertReads(trx, actor.clinicId, conversation.id, actor.userId, ids, deps.clock.now());
      return { marked: ids.length };
    },
  );
}
