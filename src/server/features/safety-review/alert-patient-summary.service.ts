import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import {
  canReachPatient,
  readPatientRecord,
  withPatientRecord,
} from '../../platform/access/patient-access.js';
import type { Db } from '../../db/database.js';
import { ageOnDay } from '../../../shared/medication-safety/age.js';
import { severitySchema, alertStateSchema } from '../../../shared/alerts/alert.js';
import type { AlertPatientSummary } from '../../../shared/alerts/patient-summary.js';
import { crisisFor } from '../measures/index.js';
import { alertById, withAlertAccess } from '../alerts/index.js';
import * as repo from './alert-patient-summary.repository.js';

const alertNotFound = () => new AppError('not_found', 'Alert not found');

type Row = NonNullable<Awaited<ReturnType<typeof alertById>>>;

async function summaryIn(deps: AppDeps, trx: Db, actor: Actor, alert: Row): Promise<AlertPatientSummary> {
  const [onTeam, patient, team, crisis] = await Promise.all([
    canReachPatient(trx, actor, alert.patient_id),
    repo.patientContact(trx, actor.clinicId, alert.patient_id),
    repo.careTeamContacts(trx, actor.clinicId, alert.patient_id),
    // The same reading the patient's own crisis screen uses: their country's resources, their agreed plan.
    crisisFor(trx, actor.clinicId, alert.patient_id),
  ]);
  if (!patient) throw alertNotFound();
  const { safetyPlan, ...resources } = crisis;
  return {
    access: onTeam ? 'care_team' : 'escalated',
    alert: {
      id: alert.id,
      type: alert.type,
      severity: severitySchema.parse(alert.severity),
      state: alertStateSchema.parse(alert.state),
      title: alert.title,
      details: alert.details,
      createdAt: alert.created_at,
    },
    patient: {
      id: patient.id,
      givenName: patient.given_name,
      familyName: patient.family_name,
      phone: patient.phone,
      email: patient.email,
      birthDate: patient.birth_date,
      age: ageOnDay(patient.birth_date, localDate(deps.clock.now(), patient.time_zone)),
      timeZone: patient.time_zone,
      country: resources.country,
      countryName: resources.countryName,
    },
    careTeam: team.map((m) => ({ userId: m.user_id, name: m.name, role: m.role, email: m.email })),
    safetyPlan,
    crisis: resources,
  };
}

/**
 * GET /api/alerts/:alertId/patient-summary ("Reach the patient", issue 12; product policy in
 * docs/clinical-rules.md): the patient's contact details, care team, the alert's trigger, safety plan and
 * crisis resources. The care team may read it; someone the alert was escalated to (the on-call clinician,
 * the clinical lead) off the team only while the alert is not resolved: a break-the-glass limited to this
 * alert (features/alerts/alert-access.ts). Audited as a read of the patient's record
 * ('alert.patient_summary'); anyone else gets 404 exactly like an unknown alert, audited as refused.
 */
export async function alertPatientSummary(
  deps: AppDeps,
  actor: Actor,
  alertId: string,
): Promise<AlertPatientSummary> {
  const found = await alertById(deps.database.db, actor.clinicId, alertId);
  if (!found) throw alertNotFound();
  const what = { action: 'alert.patient_summary', resourceType: 'alert', resourceId: alertId };
  const run = async (trx: Db) => {
    // Read again inside the transaction: an alert resolved meanwhile no longer lets anyone off the team in.
    const current = await alertById(trx, actor.clinicId, alertId);
    if (!current) throw alertNotFound();
    if (current.state === 'resolved' && !(await canReachPatient(trx, actor, current.patient_id)))
      throw alertNotFound();
    return summaryIn(deps, trx, actor, current);
  };
  const alert = { id: alertId, patient_id: found.patient_id };
  // On the care team: a read on the one path for audited reads (issue 19). Off it: the break-the-glass path.
  const access = (await canReachPatient(deps.database.db, actor, found.patient_id))
    ? readPatientRecord(deps, actor, found.patient_id, what, run)
    : found.state === 'resolved'
      ? withPatientRecord(deps, actor, found.patient_id, what, run)
      : withAlertAccess(deps, actor, alert, what, run);
  return access.catch((err: unknown) => {
    // Not on the team and not (or no longer) reached by this alert: it does not exist for them.
    if (err instanceof AppError && err.code === 'not_found') throw alertNotFound();
    throw err;
  });
}
