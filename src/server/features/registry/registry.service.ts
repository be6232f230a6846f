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
import { buildRow, DayCache, type PatientFacts } from './registry-rows.js';

function groupBy<T extends { patient_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.patient_id);
    if (list) list.push(r);
    else m.set(r.patient_id, [r]);
  }
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
    const adherenceRules = adherenceSettings(settingsText);
    const caseload = await repo.caseloadFacts(trx, clinicId, userId);
    const patientIds = [...new Set(caseload.map((p) => p.id))];
    const zones = new Map(caseload.map((p) => [p.id, p.timeZone]));
    const [plans, marked, alerts, planContents, adherence] = await Promise.all([
      repo.firstAgreedPlans(trx, clinicId, repo.caseloadIds(trx, clinicId, userId)),
      repo.markedPatients(trx, clinicId, userId),
      repo.activeAlertCounts(trx, clinicId, userId),
      agreedPlanContents(trx, clinicId, patientIds),
      adherenceForPatients(trx, clinicId, patientIds, now, adherenceRules.adherenceWindowDays, zones),
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
    const alertsOf = groupBy(alerts);
    const planOf = new Map(plans.map((p) => [p.patient_id, p.agreed_at]));
    const facts = new Map<string, PatientFacts>();
    for (const p of caseload) {
      const seen = facts.get(p.id);
      if (seen) {
        seen.myRoles.push(p.role);
        continue;
      }
      facts.set(p.id, {
        id: p.id,
        givenName: p.givenName,
        familyName: p.familyName,
        timeZone: p.timeZone,
        myRoles: [p.role],
        scores: p.scores,
        firstAgreedPlanAt: planOf.get(p.id) ?? null,
        planRules: rulesOf.get(p.id) ?? null,
        alerts: (alertsOf.get(p.id) ?? []).map((a) => ({
          severity: a.severity,
          type: a.type,
          n: Number(a.n),
        })),
        lastContactAt: p.lastContactAt,
        marked: marked.has(p.id),
        adherence: adherence.get(p.id) ?? null,
        adherenceBelow: adherenceRules.adherenceThresholdPercent,
      });
    }
    const days = new DayCache(now);
    return [...facts.values()].map((f) => buildRow(f, now, t, days));
  });
  return { scope, total: rows.length, patients: arrangeRegistry(rows, query) };
}
