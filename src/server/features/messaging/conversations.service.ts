import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../db/database.js';
import {
  canReachPatient,
  readPatientRecord,
  withPatientRecord,
} from '../../platform/access/patient-access.js';
import type { ConversationDetail, ConversationSummary } from '../../../shared/messaging/schemas.js';
import * as conversations from './conversations.repository.js';
import { TEAM_THREAD_SUBJECT } from './messaging.mapper.js';
import {
  loadDetail,
  participantsOf,
  summaries,
  visibleConversation,
  visibleKinds,
} from './conversation-view.js';
import { postInConversation, type MessageInput } from './messages.service.js';
import { CONVERSATIONS_MAX } from '../../../shared/lists/limits.js';

const listed = { action: 'conversation.list', resourceType: 'conversation' };

async function listIn(
  db: Db,
  actor: Actor,
  patientId: string,
): Promise<{ conversations: ConversationSummary[]; hasMore: boolean }> {
  const found = await conversations.conversationsOf(
    db,
    actor.clinicId,
    patientId,
    visibleKinds(actor),
    CONVERSATIONS_MAX + 1,
  );
  const rows = found.slice(0, CONVERSATIONS_MAX);
  const patientSide = await participantsOf(db, actor.clinicId, patientId, 'patient');
  return {
    conversations: await summaries(db, actor, rows, patientSide),
    hasMore: found.length > rows.length,
  };
}

/**
 * The patient's conversations: the team thread first (clinicians only), then conversations with the patient.
 * A read on the one path for audited reads (readPatientRecord, issue 19). The team thread is made once, the
 * first time someone on the care team opens the list (it exists from then on): only that first list takes a
 * write transaction, in withPatientRecord, audited once like any other list.
 */
export async function listConversations(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ conversations: ConversationSummary[]; hasMore: boolean }> {
  const db = deps.database.db;
  const firstTeamList =
    actor.role !== 'patient' &&
    (await canReachPatient(db, actor, patientId)) &&
    !(await conversations.hasTeamThread(db, actor.clinicId, patientId));
  if (!firstTeamList)
    return readPatientRecord(deps, actor, patientId, listed, (r) => listIn(r, actor, patientId));
  return withPatientRecord(deps, actor, patientId, listed, async (trx) => {
    await conversations.ensureTeamThread(trx, {
      id: newId(),
      clinic_id: actor.clinicId,
      patient_id: patientId,
      subject: TEAM_THREAD_SUBJECT,
      started_by: null,
      created_at: deps.clock.now(),
      last_message_at: null,
      awaiting_message_id: null,
      awaiting_since: null,
      unanswered_emitted_for: null,
    });
    return listIn(trx, actor, patientId);
  });
}

export function getConversation(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  conversationId: string,
  page: { before?: number | undefined; limit: number },
): Promise<ConversationDetail> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'conversation.read', resourceType: 'conversation', resourceId: conversationId },
    async (trx) =>
      loadDetail(trx, actor, await visibleConversation(trx, actor, patientId, conversationId), page),
  );
}

/**
 * Starts a conversation with the patient ("Ask your care team", or a clinician writing first) with its
 * first message. Idempotent on the client's conversation id: a retry returns the conversation as it is.
 */
export function startConversation(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { id: string; subject: string; firstMessage: MessageInput },
): Promise<{ detail: ConversationDetail; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'conversation.create', resourceType: 'conversation', resourceId: input.id },
    async (trx) => {
      const now = deps.clock.now();
      const created = await conversations.insertConversation(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        kind: 'patient',
        team_key: null,
        subject: input.subject,
        started_by: actor.userId,
        created_at: now,
        last_message_at: null,
        awaiting_message_id: null,
        awaiting_since: null,
        unanswered_emitted_for: null,
      });
      const row = await conversations.findConversation(trx, actor.clinicId, patientId, input.id);
      if (row?.kind !== 'patient' || row.started_by !== actor.userId) {
        throw new AppError('conflict', 'This conversation id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      }
      await postInConversation(trx, deps, actor, row, input.firstMessage);
      const fresh = await visibleConversation(trx, actor, patientId, input.id);
      return { detail: await loadDetail(trx, actor, fresh, { limit: 100 }), created };
    },
  );
}
