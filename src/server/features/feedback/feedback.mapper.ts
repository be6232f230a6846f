import type {
  SessionFeedbackTable,
  TreatmentRatingItemTable,
  TreatmentRatingTable,
} from '../../db/schema-feedback.js';
import type {
  SessionFeedback,
  TreatmentPartKind,
  TreatmentRatingRound,
} from '../../../shared/feedback/schemas.js';

export function toSessionFeedback(row: SessionFeedbackTable): SessionFeedback {
  return {
    id: row.id,
    patientId: row.patient_id,
    appointmentId: row.appointment_id,
    sessionAt: row.session_at,
    sessionDay: row.session_day,
    helped: row.helped,
    notHelped: row.not_helped,
    goalsRating: row.goals_rating,
    heardRating: row.heard_rating,
    change: row.change_request,
    low: row.low === 1,
    submittedAt: row.created_at,
  };
}

export function toRatingRound(
  row: TreatmentRatingTable,
  items: readonly TreatmentRatingItemTable[],
): TreatmentRatingRound {
  return {
    id: row.id,
    ratedAt: row.rated_at,
    ratedDay: row.rated_day,
    ratings: items
      .filter((i) => i.rating_id === row.id)
      .map((i) => ({
        kind: i.part_kind as TreatmentPartKind,
        key: i.part_key,
        label: i.label,
        score: i.score === null ? null : i.score,
      })),
  };
}
