import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { settingsJson } from '../clinic/clinic.repository.js';
import { treatToTargetSettings } from '../../../shared/registry/settings.js';
import { arrangeRegistry } from '../../../shared/registry/ranking.js';
import type { RegistryQuery, RegistryResponse } from '../../../shared/registry/schemas.js';
import * as repo from './registry.repository.js';
import { agreedPlanContents } from '../measures/measures.repository.js';
import { planRulesOf } from '../measures/due.js';
import { adherenceForPatients } from '../adherence/adherence.service.js';
import { adherenceSettings } from '../../../shared/adherence/settings.js';
import { buildRow, type PatientFacts } from './registry-rows.js';

function groupBy<T extends { patient_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.patient_id, [...(m.get(r.patient_id) ?? []), r]);
  return m;
}

/**
 * The caseload registry (issue 5): every patient whose care team the caller is on, with scores, status,
 * contact, what is due, open alerts and flags, "needs attention first". `all` is the care manager's whole
 * caseload; with Duet's access rule (a clinician reaches only the patients whose team they are on) it is the
 * same set of patients as `mine`, so other roles ask for `mine` only. One audit event per request.
 */
export async function registry(deps: AppDeps, actor: Actor, query: RegistryQuery): Promise<RegistryResponse> {
  const scope = query.scope ?? (actor.role === 'care_manager' ? 'all' : 'mine');
  if (scope === 'all' && actor.role !== 'care_manager')
    throw new AppError('forbidden', 'Only a care manager can open the whole caseload; ask for scope=mine.');
  const { clinicId, userId } = actor;
  const now = deps.clock.now();
  const rows = await deps.database.transaction(async (trx) => {
    const settingsText = await settingsJson(trx, clinicId);
    const t = treatToTargetSettings(settingsText);
    const ids = repo.caseloadIds(trx, clinicId, userId);
    const patients = await repo.caseloadPatients(trx, clinicId, userId);
    const patientIds = [...new Set(patients.map((p) => p.id))];
    const adherenceRules = adherenceSettings(settingsText);
    const [scores, plans, alerts, contacts, marked, planContents, adherence] = await Promise.all([
      repo.firstAndLatestScores(trx, clinicId, patientIds),
      repo.firstAgreedPlans(trx, clinicId, ids),
      repo.activeAlertCounts(trx, clinicId, userId),
      repo.lastClinicianContacts(trx, clinicId, userId),
      repo.markedPatients(trx, clinicId, userId),
      agreedPlanContents(trx, clinicId, patientIds),
      adherenceForPatients(trx, clinicId, patientIds, now, adherenceRules.adherenceWindowDays),
    ]);
    const rulesOf = new Map<string, ReturnType<typeof planRulesOf>>();
    for (const r of planContents)
      if (!rulesOf.has(r.patient_id)) rulesOf.set(r.patient_id, planRulesOf(r.content));
    await deps.audit.record(trx, clinicId, actor, {
      action: 'registry.read',
      resourceType: 'registry',
      resourceId: null,
      patientId: null,
      outcome: 'allowed',
    });
    const scoresOf = groupBy(scores);
    const planOf = new Map(plans.map((p) => [p.patient_id, p.agreed_at]));
    const alertsOf = groupBy(alerts);
    const facts = new Map<string, PatientFacts>();
    for (const p of patients) {
      const seen = facts.get(p.id);
      if (seen) {
        seen.myRoles.push(p.role);
        continue;
      }
      facts.set(p.id, {
        id: p.id,
        givenName: p.given_name,
        familyName: p.family_name,
        timeZone: p.time_zone,
        myRoles: [p.role],
        scores: scoresOf.get(p.id) ?? [],
        firstAgreedPlanAt: planOf.get(p.id) ?? null,
        planRules: rulesOf.get(p.id) ?? null,
        alerts: (alertsOf.get(p.id) ?? []).map((a) => ({
          severity: a.severity,
          type: a.type,
          n: Number(a.n),
        })),
        lastContactAt: contacts.get(p.id) ?? null,
        marked: marked.has(p.id),
        adherence: adherence.get(p.id) ?? null,
        adherenceBelow: adherenceRules.adherenceThresholdPercent,
      });
    }
    return [...facts.values()].map((f) => buildRow(f, now, t));
  });
  return { scope, total: rows.length, patients: arrangeRegistry(rows, query) };
}
