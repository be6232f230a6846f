import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The registry's SQL: a handful of set-based queries over one caseload (the patients whose care team a
 * clinician is on), never one query per patient. Every query is scoped by clinic.
 */
const INSTRUMENTS = ['phq9', 'gad7'];
/** Aggregates come back as int8 on PostgreSQL (parsed once in db/database.ts); normalise defensively. */
const num = (v: unknown): number => Number(v);

const caseloadIds = (db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('care_team_members as ctm')
    .select('ctm.patient_id')
    .where('ctm.clinic_id', '=', clinicId)
    .where('ctm.user_id', '=', userId);

export async function caseloadPatients(db: Db, clinicId: string, userId: string) {
  return db
    .selectFrom('care_team_members as m')
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.time_zone', 'p.created_at', 'm.role'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId)
    .where('p.clinic_id', '=', clinicId)
    .execute();
}

export interface ScorePoint {
  patient_id: string;
  instrument: string;
  total: number;
  answered_at: number;
  answered_day: string;
  kind: 'first' | 'last';
  n: number;
}

const scored = (clinicId: string, instrument: string, order: 'asc' | 'desc') => sql<string | null>`(
  select q.id from questionnaire_responses q
  where q.clinic_id = ${clinicId} and q.patient_id = d.pid and q.instrument = ${instrument} and q.total is not null
  order by q.answered_at ${sql.raw(order)} limit 1)`;

/**
 * First and latest scored PHQ-9/GAD-7 of each patient (of one clinician's caseload, or of the whole clinic
 * when `userId` is null), with the count of scored answers. Driven from the patients, each lookup an ordered
 * seek on the (clinic, patient, instrument, answered_at) index: the cost grows with the caseload, never with
 * the clinic's history, and SQLite needs no statistics to find this plan.
 */
export async function firstAndLatestScores(
  db: Db,
  clinicId: string,
  userId: string | null,
  /** Count every scored answer (the registry shows it); the scheduled check only needs "any follow-up". */
  withCount = true,
): Promise<ScorePoint[]> {
  const drivers =
    userId === null
      ? sql`select p.id as pid from patients p where p.clinic_id = ${clinicId}`
      : sql`select m.patient_id as pid from care_team_members m where m.clinic_id = ${clinicId} and m.user_id = ${userId}`;
  const picks: {
    patient_id: string;
    instrument: string;
    first_id: string | null;
    last_id: string | null;
    n: unknown;
  }[] = [];
  for (const instrument of INSTRUMENTS) {
    const res = await sql<{
      patient_id: string;
      first_id: string | null;
      last_id: string | null;
      n: unknown;
    }>`
      select d.pid as patient_id, ${scored(clinicId, instrument, 'asc')} as first_id,
        ${scored(clinicId, instrument, 'desc')} as last_id,
        ${
          withCount
            ? sql`(select count(*) from questionnaire_responses c where c.clinic_id = ${clinicId} and c.patient_id = d.pid
          and c.instrument = ${instrument} and c.total is not null)`
            : sql`null`
        } as n
      from (${drivers}) d`.execute(db);
    for (const r of res.rows) if (r.first_id !== null) picks.push({ ...r, instrument });
  }
  const ids = [
    ...new Set(picks.flatMap((p) => [p.first_id, p.last_id]).filter((x): x is string => x !== null)),
  ];
  const rows = new Map<string, { total: number | null; answered_at: number; answered_day: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    // By primary key only: with `clinic_id = ?` added, SQLite (no statistics) scans the clinic's whole history
    // through the clinic index instead (0.3-0.9 s at 5,000 patients). The clinic is checked on each row.
    const found = await db
      .selectFrom('questionnaire_responses')
      .select(['id', 'clinic_id', 'total', 'answered_at', 'answered_day'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of found) if (r.clinic_id === clinicId) rows.set(r.id, r);
  }
  const out: ScorePoint[] = [];
  const seen = new Set<string>();
  for (const p of picks) {
    const key = `${p.patient_id}:${p.instrument}`;
    const first = rows.get(p.first_id ?? '');
    const last = rows.get(p.last_id ?? '');
    if (seen.has(key) || !first || !last || first.total === null || last.total === null) continue;
    seen.add(key);
    // Without the count: 1 or 2 says whether there is a follow-up, which is all the check needs.
    const n = p.n === null ? (p.first_id === p.last_id ? 1 : 2) : num(p.n);
    const common = { patient_id: p.patient_id, instrument: p.instrument, n };
    out.push({
      ...common,
      kind: 'first',
      total: first.total,
      answered_at: num(first.answered_at),
      answered_day: first.answered_day,
    });
    out.push({
      ...common,
      kind: 'last',
      total: last.total,
      answered_at: num(last.answered_at),
      answered_day: last.answered_day,
    });
  }
  return out;
}

/** The first agreed plan version of each patient (the other candidate for the treatment start). */
export async function firstAgreedPlans(
  db: Db,
  clinicId: string,
  patientIds: ReturnType<typeof caseloadIds> | null,
) {
  let q = db
    .selectFrom('treatment_plan_versions as v')
    .select(['v.patient_id', (eb) => eb.fn.min('v.agreed_at').as('agreed_at')])
    .where('v.clinic_id', '=', clinicId)
    .where('v.agreed_at', 'is not', null)
    .groupBy('v.patient_id');
  if (patientIds) q = q.where('v.patient_id', 'in', patientIds);
  return (await q.execute()).map((r) => ({ patient_id: r.patient_id, agreed_at: num(r.agreed_at) }));
}

/** Alerts not yet resolved, counted by patient, severity and type. */
export async function activeAlertCounts(db: Db, clinicId: string, userId: string) {
  return db
    .selectFrom('alerts as a')
    .select(['a.patient_id', 'a.severity', 'a.type', (eb) => eb.fn.countAll().as('n')])
    .where('a.clinic_id', '=', clinicId)
    .where('a.state', 'in', ['open', 'acknowledged'])
    .where('a.patient_id', 'in', caseloadIds(db, clinicId, userId))
    .groupBy(['a.patient_id', 'a.severity', 'a.type'])
    .execute();
}

/**
 * Latest clinician contact per patient: a message written by a clinician, a questionnaire entered in a
 * session, or a risk assessment (the contacts Duet records).
 */
export async function lastClinicianContacts(db: Db, clinicId: string, userId: string) {
  const ids = caseloadIds(db, clinicId, userId);
  const [messages, sessions, assessments] = await Promise.all([
    db
      .selectFrom('messages as msg')
      .innerJoin('users as u', 'u.id', 'msg.author_id')
      .select(['msg.patient_id', (eb) => eb.fn.max('msg.created_at').as('at')])
      .where('msg.clinic_id', '=', clinicId)
      .where('msg.patient_id', 'in', ids)
      .where('u.role', '!=', 'patient')
      .groupBy('msg.patient_id')
      .execute(),
    db
      .selectFrom('questionnaire_responses as q')
      .select(['q.patient_id', (eb) => eb.fn.max('q.answered_at').as('at')])
      .where('q.clinic_id', '=', clinicId)
      .where('q.patient_id', 'in', ids)
      .where('q.source', '=', 'in_session')
      .groupBy('q.patient_id')
      .execute(),
    db
      .selectFrom('risk_assessments as r')
      .select(['r.patient_id', (eb) => eb.fn.max('r.contacted_at').as('at')])
      .where('r.clinic_id', '=', clinicId)
      .where('r.patient_id', 'in', ids)
      .groupBy('r.patient_id')
      .execute(),
  ]);
  const latest = new Map<string, number>();
  for (const r of [...messages, ...sessions, ...assessments]) {
    const at = num(r.at);
    if (at > (latest.get(r.patient_id) ?? -1)) latest.set(r.patient_id, at);
  }
  return latest;
}

export async function markedPatients(db: Db, clinicId: string, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('case_review_marks as k')
    .select('k.patient_id')
    .where('k.clinic_id', '=', clinicId)
    .where('k.patient_id', 'in', caseloadIds(db, clinicId, userId))
    .execute();
  return new Set(rows.map((r) => r.patient_id));
}

export { caseloadIds };
