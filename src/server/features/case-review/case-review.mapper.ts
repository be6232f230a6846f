import type { Recommendation } from '../../../shared/registry/case-review.js';
import type { RecommendationRow } from './case-review.repository.js';
import type { CaseReviewSessionTable } from '../../db/schema-registry.js';

export const toMark = (m: {
  reason: string;
  marked_by: string;
  marked_by_name: string;
  marked_at: number;
}) => ({
  reason: m.reason,
  markedBy: m.marked_by,
  markedByName: m.marked_by_name,
  markedAt: m.marked_at,
});

export const toRecommendation = (r: RecommendationRow): Recommendation => ({
  id: r.id,
  patientId: r.patient_id,
  sessionId: r.session_id,
  byUserId: r.by_user_id,
  byName: r.by_name,
  priority: r.priority === 'high' ? 'high' : 'routine',
  summary: r.summary,
  details: r.details,
  createdAt: r.created_at,
  assignedTo: r.assigned_to,
  assignedToName: r.assigned_to_name,
  dueDate: r.due_date,
  status: r.status === 'done' || r.status === 'declined' ? r.status : 'open',
  closedReason: r.closed_reason,
  closedByName: r.closed_by_name,
  closedAt: r.closed_at,
  version: r.version,
});

export function toSession(row: CaseReviewSessionTable, people: { id: string; name: string; role: string }[]) {
  const ids = [row.created_by, ...(JSON.parse(row.participant_ids) as string[])];
  return {
    id: row.id,
    reviewDate: row.review_date,
    createdBy: row.created_by,
    participants: ids
      .map((id) => people.find((p) => p.id === id))
      .filter((p): p is { id: string; name: string; role: string } => p !== undefined)
      .map((p) => ({ userId: p.id, name: p.name, role: p.role })),
    createdAt: row.created_at,
  };
}
