import type { Db } from '../../db/database.js';
import { backfill } from '../../db/migrations/024-last-clinician-contacts.js';
import type { Kysely } from 'kysely';

/**
 * last_clinician_contacts: each patient's latest clinician contact, the registry's "last clinician contact".
 * A contact is a clinician's message in a conversation with the patient (the team's own thread is not one),
 * a questionnaire entered in a session, a risk assessment that reached the patient, or an attended
 * appointment. The writers of those facts call refreshLastContact in the same transaction, so the registry
 * reads one row per patient and never sees it out of step.
 */
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Recomputes one patient's row from the sources (a correction or a changed attendance can lower it). */
export async function refreshLastContact(db: Db, clinicId: string, patientId: string): Promise<void> {
  const [message, session, assessment, visit, logged] = await Promise.all([
    db
      .selectFrom('messages as m')
      .innerJoin('conversations as k', 'k.id', 'm.conversation_id')
      .innerJoin('users as u', 'u.id', 'm.author_id')
      .select('m.created_at as at')
      .where('m.clinic_id', '=', clinicId)
      .where('m.patient_id', '=', patientId)
      .where('k.kind', '=', 'patient')
      .where('u.role', '!=', 'patient')
      .orderBy('m.created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('questionnaire_responses')
      .select((eb) => eb.fn.max('answered_at').as('at'))
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('source', '=', 'in_session')
      .executeTakeFirst(),
    db
      .selectFrom('risk_assessments')
      .select((eb) => eb.fn.max('contacted_at').as('at'))
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      // A call that did not reach the patient is no contact (issue 12).
      .where('method', '!=', 'could_not_reach')
      .where('outcome', '!=', 'not_reached_follow_up_planned')
      .executeTakeFirst(),
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.max('starts_at').as('at'))
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('status', '=', 'attended')
      .executeTakeFirst(),
    loggedContactAt(db, clinicId, patientId),
  ]);
  const times = [message?.at, session?.at, assessment?.at, visit?.at, logged?.at]
    .map(num)
    .filter((x): x is number => x !== null);
  if (times.length === 0) {
    await db.deleteFrom('last_clinician_contacts').where('patient_id', '=', patientId).execute();
    return;
  }
  const contactedAt = Math.max(...times);
  await db
    .insertInto('last_clinician_contacts')
    .values({ patient_id: patientId, clinic_id: clinicId, contacted_at: contactedAt })
    .onConflict((oc) => oc.column('patient_id').doUpdateSet({ contacted_at: contactedAt }))
    .execute();
}

/** A contact logged by a clinician that reached the patient (care-contacts, issue 15; unreached is no contact). */
function loggedContactAt(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('care_contacts')
    .select((eb) => eb.fn.max('contacted_at').as('at'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('reached', '=', 1)
    .executeTakeFirst();
}

/** Rebuilds a clinic's rows (after bulk loads that write the sources directly, like the demo seed). */
export async function rebuildLastContacts(db: Db, clinicId: string): Promise<void> {
  await db.deleteFrom('last_clinician_contacts').where('clinic_id', '=', clinicId).execute();
  await backfill(db as unknown as Kysely<unknown>, clinicId);
  // Logged contacts came after migration 024's backfill: refresh the patients that have one.
  const logged = await db
    .selectFrom('care_contacts')
    .select('patient_id')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where('reached', '=', 1)
    .execute();
  for (const { patient_id } of logged) await refreshLastContact(db, clinicId, patient_id);
}
