import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { z } from 'zod';
import { entryRisk, notSafeMessageKey, riskReasons } from '../../../shared/practice/risk.js';
import { sharingSchema } from '../../../shared/practice/sharing.js';
import type { Crisis } from '../../../shared/measures/schemas.js';
import { crisisFor, closeGoodNewsOnSafety, refreshPatientSummaries } from '../measures/index.js';
import * as repo from './practice.repository.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

const riskReasonsSchema = z.array(z.enum(riskReasons));

/**
 * Self-harm outside questionnaires (issue 12): when an entry is completed with a risk of self-harm
 * (shared/practice/risk.ts), in the same transaction as the completion: the reasons are kept on the entry,
 * `practice.self_harm_reported` goes to the outbox (once per entry: dedupe key), open good news closes and
 * the registry's "same day" flag is refreshed. The patient gets their crisis resources and safety plan.
 * Drafts never alert: a draft is the patient's alone (sharing.ts); the form shows the crisis resources as
 * soon as the risk is written.
 */
export async function reportEntryRisk(
  deps: AppDeps,
  trx: Db,
  clinicId: string,
  entry: { id: string; patient_id: string; type: string; content: string; day: string; sharing: string },
): Promise<Crisis | null> {
  if (entry.type !== 'diary_card' && entry.type !== 'thought_record') return null;
  const reasons = entryRisk(entry.type, JSON.parse(entry.content) as unknown);
  if (reasons.length === 0) return null;
  await repo.setEntryRisk(trx, clinicId, entry.id, JSON.stringify(reasons));
  await emitEvent(trx, deps.clock, {
    type: 'practice.self_harm_reported',
    clinicId,
    patientId: entry.patient_id,
    payload: {
      entryId: entry.id,
      entryType: entry.type,
      day: entry.day,
      sharing: sharingSchema.parse(entry.sharing),
      reasons,
    },
    dedupeKey: `practice-self-harm:${entry.id}`,
  });
  await refreshPatientSummaries(trx, clinicId, entry.patient_id);
  await closeGoodNewsOnSafety(deps, trx, clinicId, entry.patient_id, 'a self-harm entry the same day');
  return crisisFor(trx, clinicId, entry.patient_id);
}

/**
 * A completed entry at risk that was therapist-only when its alert was raised, now shared with the whole
 * team (issue 12): the prescriber and care manager may read it now, so they are alerted too, through the
 * outbox in the same transaction as the sharing change (once per entry: dedupe key). Not when every alert
 * about it is already resolved (someone reached the patient), nor when the team has no one new to tell.
 */
export async function reportSharingWidened(
  deps: AppDeps,
  trx: Db,
  clinicId: string,
  before: { sharing: string },
  entry: {
    id: string;
    patient_id: string;
    type: string;
    status: string;
    day: string;
    sharing: string;
    risk?: string | null;
  },
): Promise<void> {
  if (before.sharing !== 'therapist' || entry.sharing !== 'team' || entry.status !== 'done' || !entry.risk)
    return;
  if (entry.type !== 'diary_card' && entry.type !== 'thought_record') return;
  const states = await repo.selfHarmAlertStatesOf(trx, clinicId, entry.id);
  if (states.length > 0 && states.every((s) => s === 'resolved')) return;
  const basics = await patientBasics(trx, clinicId, entry.patient_id);
  const roles = new Set((basics?.careTeam ?? []).map((m) => m.role));
  if (!roles.has('prescriber') && !roles.has('care_manager')) return;
  await emitEvent(trx, deps.clock, {
    type: 'practice.self_harm_reported',
    clinicId,
    patientId: entry.patient_id,
    payload: {
      entryId: entry.id,
      entryType: entry.type,
      day: entry.day,
      sharing: 'team',
      reasons: riskReasonsSchema.parse(JSON.parse(entry.risk)),
      sharedLater: true,
    },
    dedupeKey: `practice-self-harm:${entry.id}:shared-with-team`,
  });
}

/** The crisis answer for a completed entry already at risk (a retried save shows it again). */
export async function crisisOfEntry(
  trx: Db,
  clinicId: string,
  entry: { patient_id: string; risk?: string | null },
): Promise<Crisis | null> {
  return entry.risk ? crisisFor(trx, clinicId, entry.patient_id) : null;
}

/**
 * A patient's message flagged "I'm not safe" (issue 12): an urgent alert to the whole team (a patient's
 * message goes to every member, like its "new message" alert), in the message's transaction, and the
 * patient's crisis resources and safety plan for the answer.
 */
export async function reportNotSafeMessage(
  deps: AppDeps,
  trx: Db,
  clinicId: string,
  patientId: string,
  messageId: string,
): Promise<Crisis> {
  const zone = (await patientBasics(trx, clinicId, patientId))?.timeZone;
  await emitEvent(trx, deps.clock, {
    type: 'practice.self_harm_reported',
    clinicId,
    patientId,
    payload: {
      entryId: messageId,
      entryType: 'message',
      day: localDate(deps.clock.now(), zone ?? 'UTC'),
      sharing: 'team',
      reasons: ['not_safe'],
    },
    dedupeKey: notSafeMessageKey(messageId),
  });
  // A not-safe message makes its day a safety day like a self-harm entry: the registry's "same day" flag
  // of an answer earlier that day is refreshed (measures.repository.ts safetyDaysAmong).
  await refreshPatientSummaries(trx, clinicId, patientId);
  await closeGoodNewsOnSafety(deps, trx, clinicId, patientId, 'a message flagged "not safe"');
  return crisisFor(trx, clinicId, patientId);
}
