import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Whose events a report leaves out: the patient's own (they know what they did). */
interface Scope {
  clinicId: string;
  patientId: string;
  excludeActorId: string | null;
}

function eventsOf(db: Db, s: Scope) {
  // The events naming this patient and the list reads that showed them (migration 052's view).
  let q = db
    .selectFrom('audit_patient_events as a')
    .where('a.clinic_id', '=', s.clinicId)
    .where('a.patient_id', '=', s.patientId)
    // People only: Duet's own automatic work (raising an alert) is not someone opening the record.
    .where('a.actor_id', 'is not', null);
  if (s.excludeActorId !== null) q = q.where('a.actor_id', '!=', s.excludeActorId);
  return q;
}

/** The instant of the newest event before `before` (null: the newest of all); undefined when there is none. */
export async function newestEventBefore(
  db: Db,
  s: Scope,
  before: number | null,
): Promise<number | undefined> {
  let q = eventsOf(db, s).select((eb) => eb.fn.max('a.at').as('at'));
  if (before !== null) q = q.where('a.at', '<', before);
  const row = await q.executeTakeFirst();
  return row?.at ?? undefined;
}

export interface AccessGroupRow {
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  action: string;
  outcome: string;
  n: number | string | bigint;
  first_at: number;
  last_at: number;
}

/** Events in [from, to), counted per person, role, action and outcome, with the first and last instant. */
export async function groupsBetween(db: Db, s: Scope, from: number, to: number): Promise<AccessGroupRow[]> {
  return (
    eventsOf(db, s)
      .leftJoin('users as u', (j) =>
        j.onRef('u.id', '=', 'a.actor_id').onRef('u.clinic_id', '=', 'a.clinic_id'),
      )
      // Issue 16: an API client (an EHR integration) is named by the name the clinic gave it.
      .leftJoin('api_clients as c', (j) =>
        j.onRef('c.id', '=', 'a.actor_id').onRef('c.clinic_id', '=', 'a.clinic_id'),
      )
      .select((eb) => [
        'a.actor_id',
        'a.actor_role',
        eb.fn.coalesce('u.name', 'c.name').as('actor_name'),
        'a.action',
        'a.outcome',
        eb.fn.countAll().as('n'),
        eb.fn.min('a.at').as('first_at'),
        eb.fn.max('a.at').as('last_at'),
      ])
      .where('a.at', '>=', from)
      .where('a.at', '<', to)
      .groupBy(['a.actor_id', 'a.actor_role', 'u.name', 'c.name', 'a.action', 'a.outcome'])
      .execute()
  );
}

/** One line's individual events, newest first, `limit` at a time (the cursor is the chain position). */
export async function timesOfLine(
  db: Db,
  s: Scope,
  line: {
    actorId: string;
    outcome: string;
    action: string | null;
    from: number;
    to: number;
    beforeSeq: number | null;
    limit: number;
  },
): Promise<{ seq: number; at: number; action: string }[]> {
  let q = eventsOf(db, s)
    .select(['a.seq', 'a.at', 'a.action'])
    .where('a.actor_id', '=', line.actorId)
    .where('a.outcome', '=', line.outcome)
    .where('a.at', '>=', line.from)
    .where('a.at', '<', line.to);
  if (line.action !== null) q = q.where('a.action', '=', line.action);
  // The day's events come from the per-patient index (clinic, patient, at) and are sorted by chain position;
  // `seq + 0` keeps the planner from walking the clinic's whole chain by its primary key instead (migration 051).
  const seq = sql<number>`${sql.ref('a.seq')} + 0`;
  if (line.beforeSeq !== null) q = q.where(seq, '<', line.beforeSeq);
  return q.orderBy(seq, 'desc').limit(line.limit).execute();
}
