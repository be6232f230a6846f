import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { withPatientRecord } from '../../platform/access/patient-access.js';
import { notFound } from '../../platform/errors.js';
import {
  ADHERENCE_WINDOWS,
  computeAdherence,
  countedDoses,
  rateInWindow,
  windowRate,
  type Rate,
} from '../../../shared/adherence/adherence.js';
import { adherenceSettings } from '../../../shared/adherence/settings.js';
import type { AdherenceSummaryDto } from '../../../shared/adherence/schemas.js';
import { loadPatientDoses } from './adherence-inputs.js';
import { toSummaryDto } from './adherence.mapper.js';
import * as repo from './adherence.repository.js';

const LONGEST = Math.max(...ADHERENCE_WINDOWS);

/**
 * The adherence summary of one patient (7/30/90 days, per medication and overall, streaks, pattern) for
 * the care team (prescriber, therapist, care manager) and the patient themself; audited as a read.
 */
export function adherenceSummary(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<AdherenceSummaryDto> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'adherence.read', resourceType: 'adherence' },
    async (trx) => {
      const settings = adherenceSettings(await repo.clinicSettingsJson(trx, actor.clinicId));
      const days = Math.max(LONGEST, settings.adherenceWindowDays);
      const [inputs] = await loadPatientDoses(trx, actor.clinicId, [patientId], deps.clock.now(), days);
      if (!inputs) throw notFound('Patient');
      const summary = computeAdherence(inputs.scheduled, inputs.logs, inputs.today);
      const alertWindow = rateInWindow(
        countedDoses(inputs.scheduled, inputs.logs, inputs.today),
        inputs.today,
        settings.adherenceWindowDays,
      );
      return toSummaryDto(patientId, inputs, summary, settings, alertWindow);
    },
  );
}

export interface PatientAdherence extends Rate {
  days: number;
}

/**
 * Adherence over the last `days` local days (default 14, the alert window) for many patients at once, for
 * lists such as the registry: patients with no scheduled doses in the window get percent null; unknown
 * ids are absent. The caller has already decided the reader may see these patients (and audits the list).
 */
export async function adherenceForPatients(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  now: number,
  days = 14,
  zones?: ReadonlyMap<string, string>,
): Promise<Map<string, PatientAdherence>> {
  const out = new Map<string, PatientAdherence>();
  for (const p of await loadPatientDoses(db, clinicId, patientIds, now, days, zones))
    out.set(p.patientId, {
      days,
      ...windowRate(p.scheduled, p.logs, p.today, days),
    });
  return out;
}
