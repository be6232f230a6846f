import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { clinicSettings } from '../clinic/index.js';
import { refreshLastContact } from '../last-contact/index.js';
import { escalationSettingsOf } from '../../../shared/alerts/escalation-settings.js';
import { cocmMonth } from '../../../shared/care-contacts/cocm-minutes.js';
import { monthBounds, monthOf } from '../../../shared/care-contacts/month.js';
import type {
  CocmMonthView,
  contactInputSchema,
  MinutesReport,
  PatientContacts,
} from '../../../shared/care-contacts/api.js';
import * as repo from './care-contacts.repository.js';
import { toContact } from './care-contacts.mapper.js';
import { CARE_CONTACTS_MAX } from '../../../shared/lists/limits.js';

/** A contact may be logged up to 5 minutes "in the future" (clocks of two devices differ a little). */
const MINUTE_MS = 60_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/** The clinic's zone: CoCM months are its calendar months (shared/alerts/escalation-settings.ts, clinicTimeZone). */
export async function clinicZone(db: Db, clinicId: string): Promise<string> {
  return escalationSettingsOf(await clinicSettings(db, clinicId)).hours.timeZone;
}

/** Care-manager minutes of one month against the CoCM thresholds for the patients in scope (set-based). */
export async function minutesForMonth(
  db: Db,
  clinicId: string,
  scope: repo.MinutesScope,
  month: string,
  zone: string,
): Promise<Map<string, { contacts: number; cocm: CocmMonthView }>> {
  const sums = await repo.careManagerMinutes(db, clinicId, scope, monthBounds(month, zone));
  const result = new Map<string, { contacts: number; cocm: CocmMonthView }>();
  const ids = new Set([...sums.month.keys(), ...sums.firstAt.keys()]);
  for (const id of ids) {
    const first = sums.firstAt.get(id);
    // No care-manager contact yet, or the first one this month: this is the patient's first CoCM month.
    const firstMonth = first === undefined || monthOf(first, zone) >= month;
    const m = sums.month.get(id) ?? { minutes: 0, contacts: 0 };
    result.set(id, { contacts: m.contacts, cocm: { month, ...cocmMonth(m.minutes, firstMonth) } });
  }
  return result;
}

const noMinutes = (month: string): CocmMonthView => ({ month, ...cocmMonth(0, true) });

/**
 * Logs a contact with the patient (issue 15): mode, reached or not, minutes, note, when. Anyone on the care
 * team may log one; only a care manager's minutes count towards the CoCM thresholds. A reached contact is the
 * patient's last clinician contact (refreshed in the same transaction). A retry with the same id returns the
 * first contact.
 */
export function logContact(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: z.output<typeof contactInputSchema>,
) {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'care_contact.log', resourceType: 'care_contact', resourceId: input.id },
    async (trx) => {
      const now = deps.clock.now();
      const patient = await patientBasics(trx, actor.clinicId, patientId);
      if (!patient) throw notFound('Patient');
      if (input.contactedAt > now + CLOCK_SKEW_MS)
        throw new AppError('validation_failed', 'The contact cannot be in the future.', [
          { path: 'body.contactedAt', message: 'The contact cannot be in the future.' },
        ]);
      // The form gives the time to the minute: a contact logged in the minute of enrolment is not "before" it.
      if (input.contactedAt < Math.floor(patient.enrolledAt / MINUTE_MS) * MINUTE_MS)
        throw new AppError('validation_failed', 'The contact cannot be before the patient was enrolled.', [
          { path: 'body.contactedAt', message: 'The contact cannot be before the patient was enrolled.' },
        ]);
      const created = await repo.insertContactOnce(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        by_user_id: actor.userId,
        by_role: actor.role,
        mode: input.mode,
        reached: input.reached ? 1 : 0,
        minutes: input.minutes,
        note: input.note,
        contacted_at: input.contactedAt,
        created_at: now,
      });
      const row = await repo.contactById(trx, actor.clinicId, input.id);
      if (row?.patient_id !== patientId)
        throw new AppError('conflict', 'This id is already used by another contact.');
      if (created) await refreshLastContact(trx, actor.clinicId, patientId);
      return { created, contact: toContact(row) };
    },
  );
}

/** The patient's contacts, newest first, and this month's care-manager minutes against the thresholds. */
export function patientContacts(deps: AppDeps, actor: Actor, patientId: string): Promise<PatientContacts> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'care_contact.read', resourceType: 'care_contact' },
    async (trx) => {
      const zone = await clinicZone(trx, actor.clinicId);
      const month = monthOf(deps.clock.now(), zone);
      const [rows, minutes] = await Promise.all([
        repo.contactsOfPatient(trx, actor.clinicId, patientId, CARE_CONTACTS_MAX + 1),
        minutesForMonth(trx, actor.clinicId, { kind: 'caseload', userId: actor.userId }, month, zone),
      ]);
      return {
        // Bounded (issue 19): the latest ones, and the answer says when older ones exist.
        contacts: rows.slice(0, CARE_CONTACTS_MAX).map(toContact),
        hasMore: rows.length > CARE_CONTACTS_MAX,
        thisMonth: minutes.get(patientId)?.cocm ?? noMinutes(month),
        clinicTimeZone: zone,
      };
    },
  );
}

/**
 * Care-manager minutes per patient for a month (this month by default): the admin's report covers the
 * clinic, a clinician's covers their caseload (Duet's access rule). One read event per patient listed.
 */
export async function minutesReport(deps: AppDeps, actor: Actor, month?: string): Promise<MinutesReport> {
  const db = deps.database.db;
  const zone = await clinicZone(db, actor.clinicId);
  const theMonth = month ?? monthOf(deps.clock.now(), zone);
  const scope: repo.MinutesScope =
    actor.role === 'admin' ? { kind: 'clinic' } : { kind: 'caseload', userId: actor.userId };
  const [patients, minutes] = await Promise.all([
    repo.patientsInScope(db, actor.clinicId, scope),
    minutesForMonth(db, actor.clinicId, scope, theMonth, zone),
  ]);
  const report: MinutesReport = {
    month: theMonth,
    clinicTimeZone: zone,
    patients: patients.map((p) => ({
      patientId: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      contacts: minutes.get(p.id)?.contacts ?? 0,
      cocm: minutes.get(p.id)?.cocm ?? noMinutes(theMonth),
    })),
  };
  // One list event naming the patients shown (issue 19: in each one's access report).
  await deps.audit.recordListRead(actor.clinicId, actor, {
    action: 'care_contact.minutes_read',
    resourceType: 'care_minutes',
    resourceId: theMonth,
    patientIds: report.patients.map((p) => p.patientId),
  });
  return report;
}

/** The clinic's name (the PDF report's header and footer). */
export const clinicNameOf = (deps: AppDeps, clinicId: string): Promise<string> =>
  repo.clinicName(deps.database.db, clinicId);
