import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { updateAlertState } from '../alerts/index.js';
import type { Relapse } from '../../../shared/measures/interpretation.js';
import * as repo from './measures.repository.js';

/**
 * Open "good news" alerts close, with a note, when something later contradicts them (issue 12): a safety
 * signal (positive item 9, a self-harm entry), or a later answer of the same questionnaire that is no longer
 * at the target, or that worsened. Closed in the transaction of the answer or entry that contradicts them.
 */
async function close(
  deps: Pick<AppDeps, 'clock' | 'audit'>,
  trx: Db,
  clinicId: string,
  patientId: string,
  alerts: { id: string; version: number }[],
  note: string,
): Promise<number> {
  const now = deps.clock.now();
  let closed = 0;
  for (const a of alerts) {
    const ok = await updateAlertState(trx, clinicId, a.id, a.version, {
      state: 'resolved',
      resolved_at: now,
      resolved_by: null,
      resolution_note: note,
    });
    if (!ok) continue;
    closed += 1;
    await deps.audit.record(trx, clinicId, null, {
      action: 'alert.resolve',
      resourceType: 'alert',
      resourceId: a.id,
      patientId,
      outcome: 'allowed',
    });
  }
  return closed;
}

/** A safety signal closes every open good-news alert of the patient. */
export async function closeGoodNewsOnSafety(
  deps: Pick<AppDeps, 'clock' | 'audit'>,
  trx: Db,
  clinicId: string,
  patientId: string,
  what: string,
): Promise<number> {
  const open = await repo.openGoodNewsAlerts(trx, clinicId, patientId);
  return close(
    deps,
    trx,
    clinicId,
    patientId,
    open,
    `Closed: ${what}. Not good news while safety is in question.`,
  );
}

/** A later answer closes the good news of its questionnaire that it no longer supports. */
export async function closeContradictedGoodNews(
  deps: Pick<AppDeps, 'clock' | 'audit'>,
  trx: Db,
  clinicId: string,
  patientId: string,
  answer: {
    instrument: string;
    name: string;
    total: number;
    remission: boolean;
    response: boolean;
    worse: boolean;
    relapse: Relapse | null;
  },
): Promise<number> {
  const open = await repo.openGoodNewsAlerts(trx, clinicId, patientId);
  const contradicted = open.filter((a) => {
    if (a.instrument !== answer.instrument) return false;
    if (answer.worse || answer.relapse) return true;
    const aboutRemission = a.title.toLowerCase().includes('remission');
    return aboutRemission ? !answer.remission : !answer.response && !answer.remission;
  });
  return close(
    deps,
    trx,
    clinicId,
    patientId,
    contradicted,
    `Closed: a later ${answer.name} of ${String(answer.total)} no longer shows this.`,
  );
}
