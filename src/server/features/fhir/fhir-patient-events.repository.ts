import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { clinicDoses } from './fhir-queries.repository.js';

// The patient's dose log, messages with the care team and access trail, read for FHIR newest first with a
// keyset position (these grow without bound). Each query stays on an existing index:
// dose_logs (clinic_id, patient_id, local_date), messages (clinic_id, patient_id, created_at),
// audit_events (clinic_id, patient_id, at) (the one per-patient index since migration 051).

const orEmpty = (list: readonly string[]) => (list.length === 0 ? [''] : [...list]);

/** Newest first; a keyset position (at, id) starts after that row. */
interface Page {
  after: { at: number; id: string } | null;
  limit: number;
}

export interface DoseSearch {
  clinicId: string;
  patientId: string;
  ids: readonly string[] | null;
  /** Dose statuses ('taken', 'skipped'); null: both. */
  statuses: readonly string[] | null;
}

function dosesWhere(db: Db, s: DoseSearch) {
  let q = db
    .selectFrom('dose_logs as d')
    .where('d.clinic_id', '=', s.clinicId)
    .where('d.patient_id', '=', s.patientId);
  if (s.ids !== null) q = q.where('d.id', 'in', orEmpty(s.ids));
  if (s.statuses !== null) q = q.where('d.status', 'in', orEmpty(s.statuses));
  return q;
}

/** The local day as a number (20261102) for the keyset position. */
export const dayNumber = (day: string): number => Number(day.replaceAll('-', ''));
const dayText = (n: number): string => {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
};

export function searchDoses(db: Db, s: DoseSearch & Page) {
  let q = clinicDoses(db, s.clinicId).where('d.patient_id', '=', s.patientId);
  if (s.ids !== null) q = q.where('d.id', 'in', orEmpty(s.ids));
  if (s.statuses !== null) q = q.where('d.status', 'in', orEmpty(s.statuses));
  const after = s.after;
  if (after) {
    const day = dayText(after.at);
    q = q.where((eb) =>
      eb.or([
        eb('d.local_date', '<', day),
        eb.and([eb('d.local_date', '=', day), eb('d.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('d.local_date', 'desc').orderBy('d.id', 'desc').limit(s.limit).execute();
}
export type DoseRow = Awaited<ReturnType<typeof searchDoses>>[number];

export async function countDoses(db: Db, s: DoseSearch): Promise<number> {
  const row = await dosesWhere(db, s)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function dosePatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('dose_logs')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface MessageSearch {
  clinicId: string;
  patientId: string;
  ids: readonly string[] | null;
  from: number | null;
  before: number | null;
}

/** Messages of the patient's conversations with the care team: kind 'patient' only, never the team thread. */
function messagesWhere(db: Db, s: MessageSearch) {
  let q = db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 'm.conversation_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .where('m.clinic_id', '=', s.clinicId)
    .where('m.patient_id', '=', s.patientId)
    .where('c.kind', '=', 'patient');
  if (s.ids !== null) q = q.where('m.id', 'in', orEmpty(s.ids));
  if (s.from !== null) q = q.where('m.created_at', '>=', s.from);
  if (s.before !== null) q = q.where('m.created_at', '<', s.before);
  return q;
}

export function searchMessages(db: Db, s: MessageSearch & Page) {
  let q = messagesWhere(db, s)
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'm.author_id').onRef('u.clinic_id', '=', 'm.clinic_id'),
    )
    .select([
      'm.id',
      'm.patient_id',
      'm.conversation_id',
      'c.subject',
      'm.author_id',
      'u.role as author_role',
      'm.body',
      'm.created_at',
      'm.sort_key',
    ]);
  const after = s.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('m.created_at', '<', after.at),
        eb.and([eb('m.created_at', '=', after.at), eb('m.sort_key', '<', after.id)]),
      ]),
    );
  // sort_key (server-made UUIDv7) orders messages of the same millisecond as they were posted.
  return q.orderBy('m.created_at', 'desc').orderBy('m.sort_key', 'desc').limit(s.limit).execute();
}
export type MessageRow = Awaited<ReturnType<typeof searchMessages>>[number];

export async function countMessages(db: Db, s: MessageSearch): Promise<number> {
  const row = await messagesWhere(db, s)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whose message this is, when it is in a conversation with the patient (a team-thread message is not found). */
export function patientMessagePatient(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 'm.conversation_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
    )
    .select('m.patient_id')
    .where('m.clinic_id', '=', clinicId)
    .where('m.id', '=', id)
    .where('c.kind', '=', 'patient')
    .executeTakeFirst();
}

export interface AccessSearch {
  clinicId: string;
  patientId: string;
  ids: readonly string[] | null;
  from: number | null;
  before: number | null;
}

/** The access report's events: people and integrations only (Duet's own automatic work is left out). */
function accessWhere(db: Db, s: AccessSearch) {
  // The events naming this patient and the list reads that showed them (migration 052's view; a list read's
  // entry has the id `L<seq>-<patient id>`).
  let q = db
    .selectFrom('audit_patient_events as a')
    .where('a.clinic_id', '=', s.clinicId)
    .where('a.patient_id', '=', s.patientId)
    .where('a.actor_id', 'is not', null);
  if (s.ids !== null) q = q.where('a.id', 'in', orEmpty(s.ids));
  if (s.from !== null) q = q.where('a.at', '>=', s.from);
  if (s.before !== null) q = q.where('a.at', '<', s.before);
  return q;
}

/** Newest first by the chain's sequence; the keyset position's `at` is the last event's seq. */
export function searchAccess(db: Db, s: AccessSearch & Page) {
  let q = accessWhere(db, s)
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'a.actor_id').onRef('u.clinic_id', '=', 'a.clinic_id'),
    )
    .leftJoin('api_clients as k', (j) =>
      j.onRef('k.id', '=', 'a.actor_id').onRef('k.clinic_id', '=', 'a.clinic_id'),
    )
    .select((eb) => [
      'a.id',
      'a.seq',
      'a.clinic_id',
      'a.patient_id',
      'a.at',
      'a.actor_id',
      'a.actor_role',
      eb.fn.coalesce('u.name', 'k.name').as('actor_name'),
      'a.action',
      'a.outcome',
    ]);
  // The patient's events come from the per-patient index and are sorted by chain position: `seq + 0` keeps the
  // planner from walking the clinic's whole chain by its primary key to skip the sort (migration 051).
  const seq = sql<number>`${sql.ref('a.seq')} + 0`;
  if (s.after) q = q.where(seq, '<', s.after.at);
  return q.orderBy(seq, 'desc').limit(s.limit).execute();
}
export type AccessRow = Awaited<ReturnType<typeof searchAccess>>[number];

export async function countAccess(db: Db, s: AccessSearch): Promise<number> {
  const row = await accessWhere(db, s)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function accessEventPatient(db: Db, clinicId: string, id: string) {
  // A list read's entry for one patient it showed (migration 052): `L<seq>-<patient id>`.
  const listed = /^L(\d{1,15})-(.+)$/.exec(id);
  if (listed)
    return db
      .selectFrom('audit_listed_patients as p')
      .innerJoin('audit_events as a', (j) =>
        j.onRef('a.clinic_id', '=', 'p.clinic_id').onRef('a.seq', '=', 'p.event_seq'),
      )
      .select('p.patient_id')
      .where('p.clinic_id', '=', clinicId)
      .where('p.patient_id', '=', listed[2] ?? '')
      .where('p.event_seq', '=', Number(listed[1]))
      .where('a.actor_id', 'is not', null)
      .executeTakeFirst();
  return db
    .selectFrom('audit_events')
    .select('patient_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('actor_id', 'is not', null)
    .executeTakeFirst();
}
