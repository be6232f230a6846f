import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { registryRows } from '../registry/index.js';
import { loadRegimens } from '../medications/index.js';
import { localDate } from '../../../shared/time/index.js';
import { medicationSummary } from '../../../shared/case-review/medication-summary.js';
import type { CaseReviewRow } from '../../../shared/case-review/recommendations.js';
import type { Recommendation } from '../../../shared/registry/case-review.js';
import * as recs from './recommendations.repository.js';
import { toRecommendation } from './case-review.mapper.js';

/**
 * The case-review list (issue 15; care-rules.md "Systematic caseload review", AIMS Center registry fields):
 * per patient on the caller's caseload, weeks in treatment, PHQ-9/GAD-7, adherence, last contact and flags
 * (the registry's rows), current medications and the last change, and the open recommendations. Set-based:
 * the registry's batched reads, one regimen load and one recommendations query for the whole list. `marked`
 * keeps the patients marked for review or with an open recommendation; `caseload` keeps everyone.
 */
export async function caseReviewList(
  deps: AppDeps,
  actor: Actor,
  scope: 'marked' | 'caseload',
): Promise<CaseReviewRow[]> {
  const db = deps.database.db;
  const { clinicId, userId } = actor;
  const now = deps.clock.now();
  const rows = await registryRows(db, { clinicId, userId, now });
  const open = await recs.openOfPatients(
    db,
    clinicId,
    rows.map((r) => r.patientId),
  );
  const openOf = new Map<string, Recommendation[]>();
  for (const r of open) openOf.set(r.patient_id, [...(openOf.get(r.patient_id) ?? []), toRecommendation(r)]);
  const kept = rows
    .filter((r) => scope === 'caseload' || r.markedForCaseReview || openOf.has(r.patientId))
    .sort(
      (a, b) =>
        a.attentionTier - b.attentionTier ||
        a.familyName.localeCompare(b.familyName) ||
        a.givenName.localeCompare(b.givenName),
    );
  const ids = kept.map((r) => r.patientId);
  const [regimens, zones] = await Promise.all([
    loadRegimens(db, clinicId, ids),
    recs.zonesOf(db, clinicId, ids),
  ]);
  // One list event naming the patients shown (issue 19: in each one's access report).
  await deps.audit.recordListRead(clinicId, actor, {
    action: 'case_review.list_read',
    resourceType: 'case_review',
    resourceId: null,
    patientIds: ids,
  });
  return kept.map((r) => {
    const meds = medicationSummary(
      regimens.get(r.patientId) ?? [],
      localDate(now, zones.get(r.patientId) ?? 'UTC'),
    );
    return {
      patientId: r.patientId,
      givenName: r.givenName,
      familyName: r.familyName,
      weeksInTreatment: r.weeksInTreatment,
      phq9: r.phq9,
      gad7: r.gad7,
      adherencePercent: r.adherence?.percent ?? null,
      lastClinicianContactAt: r.lastClinicianContactAt,
      flags: r.flags,
      markedForCaseReview: r.markedForCaseReview,
      medications: meds.medications,
      lastMedicationChange: meds.lastChange,
      openRecommendations: openOf.get(r.patientId) ?? [],
    };
  });
}
