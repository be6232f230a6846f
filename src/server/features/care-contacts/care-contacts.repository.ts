import type { Db } from '../../db/database.js';
import type { CareContactTable } from '../../db/schema-care-contacts.js';

/** Inserts once: a retry with the same id stores nothing (the caller then reads the first). */
export async function insertContactOnce(db: Db, row: CareContactTable): Promise<boolean> {
  const res = await db
    .insertInto('care_contacts')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

const contactColumns = [
  'c.id',
  'c.patient_id',
  'c.by_user_id',
  'u.name as by_name',
  'c.by_role',
  'c.mode',
  'c.reached',
  'c.minutes',
  'c.note',
  'c.contacted_at',
  'c.created_at',
] as const;

export async function contactById(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('care_contacts as c')
    .innerJoin('users as u', 'u.id', 'c.by_user_id')
    .select(contactColumns)
    .where('c.clinic_id', '=', clinicId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ContactRow = NonNullable<Awaited<ReturnType<typeof contactById>>>;

/** A patient's latest contacts, newest first. */
/** The latest `limit` contacts, newest first (the caller asks one more to learn whether more exist). */
export async function contactsOfPatient(db: Db, clinicId: string, patientId: string, limit: number) {
  return db
    .selectFrom('care_contacts as c')
    .innerJoin('users as u', 'u.id', 'c.by_user_id')
    .select(contactColumns)
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.contacted_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/** Whose patients a minutes read covers: the clinic (the admin's report) or one clinician's caseload. */
export type MinutesScope = { kind: 'clinic' } | { kind: 'caseload'; userId: string };

/** The patients in scope, with their names (one query). */
export async function patientsInScope(db: Db, clinicId: string, scope: MinutesScope) {
  let q = db
    .selectFrom('patients as p')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('p.clinic_id', '=', clinicId);
  if (scope.kind === 'caseload')
    q = q.where('p.id', 'in', (eb) =>
      eb
        .selectFrom('care_team_members as m')
        .select('m.patient_id')
        .where('m.clinic_id', '=', clinicId)
        .where('m.user_id', '=', scope.userId),
    );
  return q.orderBy('p.family_name').orderBy('p.given_name').orderBy('p.id').execute();
}

/**
 * Care-manager minutes and contacts per patient in [from, to), and each patient's first care-manager contact
 * ever (which decides their CoCM first month): two grouped queries for the whole scope.
 */
export async function careManagerMinutes(
  db: Db,
  clinicId: string,
  scope: MinutesScope,
  window: { from: number; to: number },
) {
  const scoped = () =>
    scope.kind === 'caseload'
      ? db
          .selectFrom('care_team_members as m')
          .select('m.patient_id')
          .where('m.clinic_id', '=', clinicId)
          .where('m.user_id', '=', scope.userId)
      : db.selectFrom('patients as p').select('p.id as patient_id').where('p.clinic_id', '=', clinicId);
  const [month, first] = await Promise.all([
    db
      .selectFrom('care_contacts as c')
      .select((eb) => [
        'c.patient_id',
        eb.fn.sum<number | string>('c.minutes').as('minutes'),
        eb.fn.countAll<number | string>().as('contacts'),
      ])
      .where('c.clinic_id', '=', clinicId)
      .where('c.by_role', '=', 'care_manager')
      .where('c.contacted_at', '>=', window.from)
      .where('c.contacted_at', '<', window.to)
      .where('c.patient_id', 'in', scoped())
      .groupBy('c.patient_id')
      .execute(),
    db
      .selectFrom('care_contacts as c')
      .select((eb) => ['c.patient_id', eb.fn.min<number | string>('c.contacted_at').as('first_at')])
      .where('c.clinic_id', '=', clinicId)
      .where('c.by_role', '=', 'care_manager')
      .where('c.patient_id', 'in', scoped())
      .groupBy('c.patient_id')
      .execute(),
  ]);
  return {
    month: new Map(
      month.map((r) => [r.patient_id, { minutes: Number(r.minutes), contacts: Number(r.contacts) }]),
    ),
    firstAt: new Map(first.map((r) => [r.patient_id, Number(r.first_at)])),
  };
}

/** The clinic's name for the report's header and footer. */
export async function clinicName(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirst();
  return row?.name ?? 'Clinic';
}
