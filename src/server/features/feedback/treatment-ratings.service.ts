import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { treatmentRatingDue } from '../../../shared/feedback/rules.js';
import type {
  NewTreatmentRating,
  TreatmentRatingRound,
  TreatmentRatings,
} from '../../../shared/feedback/schemas.js';
import * as repo from './feedback.repository.js';
import { toRatingRound } from './feedback.mapper.js';
import { treatmentParts } from './treatment-parts.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** The parts to rate now, every round so far (oldest first) and when the next round is due. */
/** The latest `limit` rating rounds, oldest first; `hasMore` when older ones exist (issue 19). */
export function treatmentRatings(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number,
): Promise<TreatmentRatings> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'treatment_rating.list', resourceType: 'treatment_rating' },
    async (trx) => {
      const patient = await patientBasics(trx, actor.clinicId, patientId);
      if (!patient) throw notFound('Patient');
      const found = await repo.treatmentRatingsOfPatient(trx, actor.clinicId, patientId, limit + 1);
      // Read one more than asked, oldest first: a round beyond the limit is the oldest, left out.
      const hasMore = found.rounds.length > limit;
      const rounds = hasMore ? found.rounds.slice(1) : found.rounds;
      const items = found.items;
      const today = localDate(deps.clock.now(), patient.timeZone);
      const due = treatmentRatingDue({
        enrolledDay: localDate(patient.enrolledAt, patient.timeZone),
        firstRatedDay: hasMore
          ? await repo.firstRatedDay(trx, actor.clinicId, patientId)
          : (rounds[0]?.rated_day ?? null),
        lastRatedDay: rounds.at(-1)?.rated_day ?? null,
        today,
      });
      return {
        parts: await treatmentParts(trx, actor.clinicId, patientId),
        rounds: rounds.map((r) => toRatingRound(r, items)),
        hasMore,
        due: { ...due, today },
      };
    },
  );
}

/**
 * One round of ratings from the patient. Idempotent on the client's id. Each rated part must be one of
 * the patient's current parts (a stopped medication is no longer rated); parts may be left out.
 */
export function submitTreatmentRating(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewTreatmentRating,
): Promise<{ round: TreatmentRatingRound; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'treatment_rating.submit', resourceType: 'treatment_rating', resourceId: input.id },
    async (trx) => {
      const retry = async () => {
        const row = await repo.findTreatmentRating(trx, actor.clinicId, input.id);
        if (row?.patient_id !== patientId)
          throw new AppError('conflict', 'This rating id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        const items = await repo.ratingItems(trx, actor.clinicId, [row.id]);
        return { round: toRatingRound(row, items), created: false };
      };
      if (await repo.findTreatmentRating(trx, actor.clinicId, input.id)) return retry();

      const patient = await patientBasics(trx, actor.clinicId, patientId);
      if (!patient) throw notFound('Patient');
      const parts = await treatmentParts(trx, actor.clinicId, patientId);
      const byKey = new Map(parts.map((p) => [`${p.kind}:${p.key}`, p]));
      const seen = new Set<string>();
      const problems: { path: string; message: string }[] = [];
      input.ratings.forEach((r, i) => {
        const key = `${r.kind}:${r.key}`;
        if (!byKey.has(key))
          problems.push({
            path: `body.ratings.${String(i)}`,
            message: 'Not a current part of the treatment',
          });
        else if (seen.has(key)) problems.push({ path: `body.ratings.${String(i)}`, message: 'Rated twice' });
        seen.add(key);
      });
      if (problems.length > 0)
        throw new AppError(
          'validation_failed',
          'Some ratings are not about a current part of the treatment.',
          problems,
        );

      const now = deps.clock.now();
      const inserted = await repo.insertTreatmentRating(
        trx,
        {
          id: input.id,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          rated_at: now,
          rated_day: localDate(now, patient.timeZone),
          submitted_by: actor.userId,
          created_at: now,
        },
        input.ratings.map((r, position) => ({
          rating_id: input.id,
          clinic_id: actor.clinicId,
          part_kind: r.kind,
          part_key: r.key,
          label: byKey.get(`${r.kind}:${r.key}`)?.label ?? r.key,
          score: r.score,
          position,
        })),
      );
      if (!inserted) return retry();
      const row = await repo.findTreatmentRating(trx, actor.clinicId, input.id);
      if (!row) throw new Error('rating vanished inside its transaction');
      const items = await repo.ratingItems(trx, actor.clinicId, [row.id]);
      return { round: toRatingRound(row, items), created: true };
    },
  );
}
