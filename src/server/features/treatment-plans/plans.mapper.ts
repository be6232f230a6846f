import type { CareTeamRole, Role } from '../../../shared/access/roles.js';
import { signingRoles } from '../../../shared/treatment-plans/rules.js';
import { planContentSchema, type PlanContent } from '../../../shared/treatment-plans/schemas.js';
import type {
  HistoryEntry,
  PlanReview,
  PlanTemplate,
  PlanVersion,
  PlanVersionStatus,
} from '../../../shared/treatment-plans/api-schemas.js';
import type { TreatmentPlanTemplateTable } from '../../db/schema-plans.js';
import type { SignatureRow, VersionRow } from './plans.repository.js';
import type * as records from './plan-records.repository.js';
import type * as plans from './plans.repository.js';

export interface Signer {
  user_id: string;
  role: string;
  name: string;
}

/** Stored JSON is parsed with its schema on the way out (design §4). */
export const parseContent = (json: string): PlanContent => planContentSchema.parse(JSON.parse(json));

export const isOpen = (status: string): boolean => status === 'draft' || status === 'awaiting_signatures';

/** A signature counts only for the exact version it was given to and until an edit invalidates it. */
export const isValidSignature = (s: SignatureRow, row: { version: number }): boolean =>
  s.invalidated_at === null && s.signed_version === row.version;

export function awaitingSigners(row: VersionRow, signatures: SignatureRow[], team: Signer[]): Signer[] {
  if (!isOpen(row.status)) return [];
  const signedRoles = new Set(signatures.filter((s) => isValidSignature(s, row)).map((s) => s.role));
  return team.filter((m) => (signingRoles as readonly string[]).includes(m.role) && !signedRoles.has(m.role));
}

export function toPlanVersion(row: VersionRow, signatures: SignatureRow[], team: Signer[]): PlanVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    patientId: row.patient_id,
    number: row.number,
    status: row.status as PlanVersionStatus,
    version: row.version,
    content: parseContent(row.content),
    reason: row.reason,
    templateId: row.template_id,
    basedOnNumber: row.based_on_number,
    createdBy: { userId: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    agreedAt: row.agreed_at,
    reviewDate: row.review_date,
    acknowledgedAt: row.acknowledged_at,
    signatures: signatures
      .filter((s) => s.version_id === row.id)
      .map((s) => ({
        userId: s.user_id,
        name: s.name,
        role: s.role as CareTeamRole,
        signedAt: s.signed_at,
        attestation: s.attestation ?? null,
        valid: isValidSignature(s, row),
        invalidatedAt: s.invalidated_at,
      })),
    awaitingSignatureFrom: awaitingSigners(
      row,
      signatures.filter((s) => s.version_id === row.id),
      team,
    ).map((m) => ({ userId: m.user_id, name: m.name, role: m.role as CareTeamRole })),
  };
}

export function toSummary(row: VersionRow) {
  return {
    id: row.id,
    number: row.number,
    status: row.status as PlanVersionStatus,
    reason: row.reason,
    createdAt: row.created_at,
    agreedAt: row.agreed_at,
    acknowledgedAt: row.acknowledged_at,
    reviewDate: row.review_date,
  };
}

export function toHistoryEntry(r: Awaited<ReturnType<typeof plans.historyOf>>[number]): HistoryEntry {
  return {
    id: r.id,
    versionNumber: r.number,
    action: r.action as HistoryEntry['action'],
    by: { userId: r.user_id, name: r.name, role: r.role as Role },
    at: r.at,
    sections: JSON.parse(r.sections) as string[],
    reason: r.reason,
  };
}

export function toTemplate(t: TreatmentPlanTemplateTable): PlanTemplate {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    content: parseContent(t.content),
    createdBy: t.created_by,
    createdAt: t.created_at,
  };
}

export function toReview(
  r: Awaited<ReturnType<typeof records.reviewsOf>>[number],
  people: Map<string, { name: string; role: string }>,
): PlanReview {
  return {
    id: r.id,
    versionNumber: r.version_number,
    heldOn: r.held_on,
    participants: (JSON.parse(r.participant_ids) as string[]).map((id) => ({
      userId: id,
      name: people.get(id)?.name ?? '',
      role: (people.get(id)?.role ?? 'therapist') as Role,
    })),
    patientTookPart: Boolean(r.patient_took_part),
    goalProgress: JSON.parse(r.goal_progress) as PlanReview['goalProgress'],
    decision: r.decision as PlanReview['decision'],
    notes: r.notes,
    nextDraftNumber: r.next_number,
    nextReviewDate: r.next_review_date,
    recordedBy: { userId: r.recorded_by, name: r.recorded_by_name },
    createdAt: r.created_at,
  };
}
