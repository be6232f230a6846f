import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { notFound } from '../../platform/errors.js';
import {
  ADHERENCE_WINDOWS,
  computeAdherence,
  countedDoses,
  rateInWindow,
  windowRate,
  type Rate,
} from '../../../shared/adherence/adherence.js';
import { adherenceSettingsOf } from '../../../shared/adherence/settings.js';
import { clinicSettings } from '../clinic/index.js';
import { byMedication } from '../../../shared/adherence/per-medication.js';
import type { AdherenceSummaryDto } from '../../../shared/adherence/schemas.js';
import { loadPatientDoses } from './adherence-inputs.js';
import { toSummaryDto } from './adherence.mapper.js';
import * as repo from './adherence.repository.js';
import { doseRecordVersions } from '../medications/index.js';

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
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'adherence.read', resourceType: 'adherence' },
    async (trx) => {
      const settings = adherenceSettingsOf(await clinicSettings(trx, actor.clinicId));
      const days = Math.max(LONGEST, settings.adherenceWindowDays);
      const [inputs] = await loadPatientDoses(trx, actor.clinicId, [patientId], deps.clock.now(), days);
      if (!inputs) throw notFound('Patient');
      const summary = computeAdherence(inputs.scheduled, inputs.logs, inputs.today);
      const counted = countedDoses(inputs.scheduled, inputs.logs, inputs.today);
      const alertWindow = rateInWindow(counted, inputs.today, settings.adherenceWindowDays);
      const perMedication = byMedication(counted);
      const medicationWindow = (medicationId: string) =>
        rateInWindow(perMedication.get(medicationId) ?? [], inputs.today, settings.adherenceWindowDays);
      return toSummaryDto(patientId, inputs, summary, settings, alertWindow, medicationWindow);
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
  const unique = [...new Set(patientIds)];
  const out = new Map<string, PatientAdherence>();
  if (unique.length === 0) return out;
  const zoneOf =
    zones ?? new Map((await repo.patientZones(db, clinicId, unique)).map((z) => [z.id, z.time_zone]));
  const versions = await doseRecordVersions(db, clinicId, unique);
  const todayIn = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const id of unique) {
    const zone = zoneOf.get(id);
    if (zone === undefined) continue; // not a patient of this clinic
    let today = todayIn.get(zone);
    if (today === undefined) todayIn.set(zone, (today = localDate(now, zone)));
    const key = `${clinicId} ${zone} ${today} ${String(days)} ${String(versions.get(id) ?? 0)}`;
    const kept = computedAdherence.get(id);
    if (kept?.key === key) out.set(id, kept.value);
    else keys.set(id, key);
  }
  if (keys.size === 0) return out;
  for (const p of await loadPatientDoses(db, clinicId, [...keys.keys()], now, days, zoneOf)) {
    const value: PatientAdherence = { days, ...windowRate(p.scheduled, p.logs, p.today, days) };
    out.set(p.patientId, value);
    if (computedAdherence.size >= COMPUTED_MAX) computedAdherence.clear();
    computedAdherence.set(p.patientId, { key: keys.get(p.patientId) ?? '', value });
  }
  return out;
}

/**
 * Each patient's last list adherence (per thread), with what it was computed from: the clinic, zone, local
 * day, window and the patient's dose-record version (raised by every dose log, correction and medication
 * change, migration 025). Anything else moving, it is computed again; so the registry reads every recent
 * dose only of patients whose record or day changed since it was last shown.
 */
const computedAdherence = new Map<string, { key: string; value: PatientAdherence }>();
const COMPUTED_MAX = 50_000;
