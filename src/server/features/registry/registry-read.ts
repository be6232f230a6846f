import type { Db } from '../../db/database.js';
import { clinicSettings } from '../clinic/index.js';
import { treatToTargetSettingsOf } from '../../../shared/registry/settings.js';
import {
  registryResponseSchema,
  type RegistryQuery,
  type RegistryResponse,
  type RegistryRow,
} from '../../../shared/registry/schemas.js';
import { arrangeRegistry } from '../../../shared/registry/ranking.js';
import * as repo from './registry.repository.js';
import { agreedPlanContents, planRulesOf, planTargetOf, earlyTreatmentWatches } from '../measures/index.js';
import { adherenceForPatients } from '../adherence/index.js';
import { adherenceSettingsOf } from '../../../shared/adherence/settings.js';
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

export interface RegistryRowsInput {
  clinicId: string;
  userId: string;
  now: number;
}

/**
 * The registry rows of one clinician's caseload (every patient whose care team they are on), unsorted: a
 * read job (reads/read-jobs.ts), so it may run on a read worker. It only reads; the caller audits.
 */
export async function registryRows(
  db: Db,
  { clinicId, userId, now }: RegistryRowsInput,
): Promise<RegistryRow[]> {
  const settings = await clinicSettings(db, clinicId);
  const t = treatToTargetSettingsOf(settings);
  const adherenceRules = adherenceSettingsOf(settings);
  const caseload = await repo.caseloadFacts(db, clinicId, userId);
  const patientIds = [...new Set(caseload.map((p) => p.id))];
  const zones = new Map(caseload.map((p) => [p.id, p.timeZone]));
  const [plans, marked, alerts, planContents, adherence] = await Promise.all([
    repo.firstAgreedPlans(db, clinicId, repo.caseloadIds(db, clinicId, userId)),
    repo.markedPatients(db, clinicId, userId),
    repo.activeAlertCounts(db, clinicId, userId),
    agreedPlanContents(db, clinicId, patientIds),
    adherenceForPatients(db, clinicId, patientIds, now, adherenceRules.adherenceWindowDays, zones),
  ]);
  const watches = await earlyTreatmentWatches(db, clinicId, patientIds, now);
  const rulesOf = new Map<string, ReturnType<typeof planRulesOf>>();
  const targetOf = new Map<string, ReturnType<typeof planTargetOf>>();
  for (const r of planContents)
    if (!rulesOf.has(r.patient_id)) {
      rulesOf.set(r.patient_id, planRulesOf(r.content));
      targetOf.set(r.patient_id, planTargetOf(r.content));
    }
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
      target: targetOf.get(p.id) ?? 'both',
      alerts: (alertsOf.get(p.id) ?? []).map((a) => ({
        severity: a.severity,
        type: a.type,
        n: Number(a.n),
      })),
      lastContactAt: p.lastContactAt,
      marked: marked.has(p.id),
      adherence: adherence.get(p.id) ?? null,
      adherenceBelow: adherenceRules.adherenceThresholdPercent,
      earlyWatch: watches.get(p.id) ?? null,
    });
  }
  const days = new DayCache(now);
  return [...facts.values()].map((f) => buildRow(f, now, t, days));
}

export interface RegistryJsonInput extends RegistryRowsInput {
  scope: RegistryResponse['scope'];
  query: RegistryQuery;
}

/**
 * The whole registry response, sorted and filtered as asked, checked against its schema and written as JSON
 * where the rows are made (a read worker): the main thread only sends the text.
 */
export async function registryJson(db: Db, input: RegistryJsonInput): Promise<string> {
  return (await registryRead(db, input)).json;
}

/** The response text and the patients it shows (issue 13: each shown patient's access report lists the read). */
export async function registryRead(
  db: Db,
  input: RegistryJsonInput,
): Promise<{ json: string; patientIds: string[] }> {
  const rows = await registryRows(db, input);
  const response: RegistryResponse = {
    scope: input.scope,
    total: rows.length,
    patients: arrangeRegistry(rows, input.query),
  };
  return {
    json: JSON.stringify(registryResponseSchema.encode(response)),
    patientIds: response.patients.map((p) => p.patientId),
  };
}
