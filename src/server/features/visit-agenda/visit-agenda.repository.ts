// The patient's agenda items (table visit_agenda_items, migration 040). The appointment an item was added
// for is read from the appointments table (a read across features' tables; this file writes only its own).
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { VisitAgendaItemTable } from '../../db/schema-visit-agenda.js';

const columns = [
  'i.id',
  'i.patient_id',
  'i.addressed_to',
  'i.appointment_id',
  'i.text',
  'i.status',
  'i.discussed_by',
  'i.discussed_at',
  'i.created_at',
  'i.updated_at',
  'i.version',
  'a.starts_at as appointment_starts_at',
] as const;

function itemsOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('visit_agenda_items as i')
    .leftJoin('appointments as a', (j) =>
      j.onRef('a.id', '=', 'i.appointment_id').onRef('a.clinic_id', '=', 'i.clinic_id'),
    )
    .select(columns)
    .where('i.clinic_id', '=', clinicId)
    .where('i.patient_id', '=', patientId);
}

export type AgendaRow = Awaited<ReturnType<typeof findItem>> & object;

/** The patient's items, open ones first, each group oldest first. */
export function listItems(
  db: Db,
  clinicId: string,
  patientId: string,
  filter: { onlyOpen: boolean; appointmentId?: string; addressees?: readonly string[]; limit?: number },
) {
  let q = itemsOf(db, clinicId, patientId);
  if (filter.onlyOpen) q = q.where('i.status', '=', 'open');
  if (filter.addressees !== undefined) q = q.where('i.addressed_to', 'in', filter.addressees);
  const appointmentId = filter.appointmentId;
  if (appointmentId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('i.appointment_id', '=', appointmentId),
        eb.and([eb('i.appointment_id', 'is', null), eb('i.status', '=', 'open')]),
      ]),
    );
  // Bounded (issue 19): every open item first, then the latest discussed ones; the caller orders them back.
  if (filter.limit !== undefined)
    return q
      .orderBy('i.status', 'desc')
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(filter.limit)
      .execute();
  return q.orderBy('i.status', 'desc').orderBy('i.created_at').orderBy('i.id').execute();
}

export function findItem(db: Db, clinicId: string, patientId: string, itemId: string) {
  return itemsOf(db, clinicId, patientId).where('i.id', '=', itemId).executeTakeFirst();
}

/** Any item with this id, whoever's: a client id must not be reused across patients. */
export function findItemAnywhere(db: Db, itemId: string) {
  return db
    .selectFrom('visit_agenda_items')
    .select(['id', 'clinic_id', 'patient_id'])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function insertItem(db: Db, row: Insertable<VisitAgendaItemTable>): Promise<void> {
  await db.insertInto('visit_agenda_items').values(row).execute();
}

/** Applies a change on the version it was made on; false when that version is no longer current. */
export async function updateItem(
  db: Db,
  clinicId: string,
  itemId: string,
  expectedVersion: number,
  changes: Partial<
    Pick<VisitAgendaItemTable, 'addressed_to' | 'text' | 'status' | 'discussed_by' | 'discussed_at'>
  > & {
    updated_at: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('visit_agenda_items')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', itemId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteItem(
  db: Db,
  clinicId: string,
  itemId: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('visit_agenda_items')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', itemId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The appointment an item is added for: it must be this patient's and still to come. */
export function findAppointment(db: Db, clinicId: string, patientId: string, appointmentId: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'type', 'clinician_id', 'starts_at', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', appointmentId)
    .executeTakeFirst();
}

/** The patient's next scheduled appointment of a type (the demo pins an item to it). */
export function nextAppointmentOf(db: Db, clinicId: string, patientId: string, type: string, after: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('type', '=', type)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', after)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}
