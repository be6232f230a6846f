import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { newId } from '../../platform/ids.js';
import type {
  TeamSummaries,
  TeamSummary,
  TeamSummaryKind,
  WriteTeamSummary,
} from '../../../shared/notes/schemas.js';
import { canWriteSummary } from '../../../shared/notes/rules.js';
import * as repo from './notes.repository.js';
import { toTeamSummary } from './notes.mapper.js';

/**
 * The two short statements the team keeps for each other: what therapy is working on (the therapist's)
 * and where medication stands (the prescriber's). Written only from what the author chooses to say:
 * nothing is copied in from notes, so a psychotherapy note can never reach a summary.
 */
export function teamSummaries(deps: AppDeps, actor: Actor, patientId: string): Promise<TeamSummaries> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'team_summary.read', resourceType: 'team_summary' },
    async (trx) => {
      const rows = await repo.currentSummaries(trx, actor.clinicId, patientId);
      const of = (kind: TeamSummaryKind) => {
        const row = rows.find((r) => r.kind === kind);
        return row ? toTeamSummary(row) : null;
      };
      return {
        therapy: of('therapy'),
        medication: of('medication'),
        canEdit: {
          therapy: canWriteSummary(actor.role, 'therapy'),
          medication: canWriteSummary(actor.role, 'medication'),
        },
      };
    },
  );
}

export function teamSummaryHistory(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { kind: TeamSummaryKind; limit: number },
): Promise<{ versions: TeamSummary[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'team_summary.read_history', resourceType: 'team_summary' },
    async (trx) => {
      const found = await repo.summaryHistory(trx, actor.clinicId, patientId, query.kind, query.limit + 1);
      const { rows, hasMore } = firstOf(found, query.limit);
      return { versions: rows.map(toTeamSummary), hasMore };
    },
  );
}

/** Writes a new version of the summary; only its keeper's role may (403 for the others). */
export function writeTeamSummary(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  kind: TeamSummaryKind,
  input: WriteTeamSummary,
): Promise<TeamSummary> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'team_summary.write', resourceType: 'team_summary', resourceId: kind },
    async (trx) => {
      const latest = await repo.latestSummaryVersion(trx, actor.clinicId, patientId, kind);
      const stale = () =>
        new AppError('conflict', 'Someone saved a newer summary meanwhile. Read it, then save yours.', {
          reason: 'stale_version',
          latestVersion: latest,
        });
      if (input.baseVersion !== latest) throw stale();
      const row = {
        id: newId(),
        clinic_id: actor.clinicId,
        patient_id: patientId,
        kind,
        version: latest + 1,
        text: input.text,
        written_by: actor.userId,
        written_at: deps.clock.now(),
      };
      if (!(await repo.insertSummary(trx, row))) throw stale();
      const current = (await repo.summaryHistory(trx, actor.clinicId, patientId, kind, 1))[0];
      if (!current) throw new Error('summary vanished inside its transaction');
      return toTeamSummary(current);
    },
  );
}
