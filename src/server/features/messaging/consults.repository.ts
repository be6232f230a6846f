import type { Db } from '../../db/database.js';
import type { ConsultTable } from '../../db/schema-messaging.js';

export async function insertConsult(db: Db, row: ConsultTable): Promise<boolean> {
  const result = await db
    .insertInto('consults')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Consults with the names of the people and the patient, for the API shape. */
function consultsWithNames(db: Db) {
  return db
    .selectFrom('consults as c')
    .innerJoin('users as f', 'f.id', 'c.from_user_id')
    .innerJoin('users as t', 't.id', 'c.to_user_id')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'c.patient_id').onRef('p.clinic_id', '=', 'c.clinic_id'),
    )
    .leftJoin('users as x', 'x.id', 'c.closed_by')
    .selectAll('c')
    .select([
      'f.name as from_name',
      'f.role as from_role',
      't.name as to_name',
      't.role as to_role',
      'x.name as closed_by_name',
      'x.role as closed_by_role',
      'p.given_name',
      'p.family_name',
    ]);
}

export type ConsultRow = Awaited<ReturnType<typeof findConsult>> & object;

export async function findConsult(db: Db, clinicId: string, patientId: string, consultId: string) {
  return consultsWithNames(db)
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .where('c.id', '=', consultId)
    .executeTakeFirst();
}

/** The asking and the asked clinician of this patient's consult (undefined: no such consult). */
export async function consultParties(db: Db, clinicId: string, patientId: string, consultId: string) {
  return db
    .selectFrom('consults')
    .select(['from_user_id', 'to_user_id'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', consultId)
    .executeTakeFirst();
}

/** Open ones first, then the newest: a bound never leaves an open consult out for a closed one (issue 19). */
export async function consultsOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  state: string | undefined,
  limit: number,
) {
  let query = consultsWithNames(db).where('c.clinic_id', '=', clinicId).where('c.patient_id', '=', patientId);
  if (state) query = query.where('c.state', '=', state);
  return query
    .orderBy((eb) => eb.case().when('c.state', '=', 'open').then(0).else(1).end())
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * A clinician's consults across patients (asked of them, by them, or both), only for patients whose care
 * team they are still on: leaving a team ends access to its consults too.
 */
export async function consultsOfUser(
  db: Db,
  clinicId: string,
  userId: string,
  filter: { role?: 'to' | 'from' | undefined; state?: string | undefined },
  limit: number,
) {
  let query = consultsWithNames(db)
    .where('c.clinic_id', '=', clinicId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('care_team_members as m')
          .select('m.user_id')
          .whereRef('m.patient_id', '=', 'c.patient_id')
          .where('m.clinic_id', '=', clinicId)
          .where('m.user_id', '=', userId),
      ),
    );
  if (filter.role === 'to') query = query.where('c.to_user_id', '=', userId);
  else if (filter.role === 'from') query = query.where('c.from_user_id', '=', userId);
  else
    query = query.where((eb) => eb.or([eb('c.to_user_id', '=', userId), eb('c.from_user_id', '=', userId)]));
  if (filter.state) query = query.where('c.state', '=', filter.state);
  // Open ones first: a bound never leaves out an open consult for a newer closed one (issue 19).
  return query
    .orderBy((eb) => eb.case().when('c.state', '=', 'open').then(0).else(1).end())
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/** Compare-and-set on version: false when someone else changed the consult first. */
export async function closeConsult(
  db: Db,
  clinicId: string,
  consultId: string,
  expectedVersion: number,
  changes: Pick<ConsultTable, 'closed_by' | 'closed_at' | 'updated_at'> &
    Partial<Pick<ConsultTable, 'reply' | 'replied_at' | 'close_note'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('consults')
    .set({ ...changes, state: 'closed', version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', consultId)
    .where('version', '=', expectedVersion)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
