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

/**
 * First (baseline) and latest scored PHQ-9/GAD-7 of the given patients (one clinician's caseload), or of the
 * whole clinic when `patientIds` is null, with the count of scored answers: one row per patient and instrument from
 * measure_summaries (kept in step with every answer), so the cost grows with the caseload, never with the
 * clinic's history.
 */
export async function firstAndLatestScores(
  db: Db,
  clinicId: string,
  patientIds: readonly string[] | null,
): Promise<ScorePoint[]> {
  // Each summary found by its primary key (patient, instrument) from the caseload's ids: SQLite has no
  // statistics, and a subquery or join let it walk the whole clinic's summaries instead.
  const base = db
    .selectFrom('measure_summaries as s')
    .selectAll('s')
    .where('s.clinic_id', '=', clinicId)
    .where('s.instrument', 'in', INSTRUMENTS);
  const rows: Awaited<ReturnType<typeof base.execute>> = [];
  if (patientIds === null) rows.push(...(await base.execute()));
  else
    for (let i = 0; i < patientIds.length; i += 500)
      rows.push(...(await base.where('s.patient_id', 'in', patientIds.slice(i, i + 500)).execute()));
  const out: ScorePoint[] = [];
  for (const r of rows) {
    const common = { patient_id: r.patient_id, instrument: r.instrument, n: num(r.scored_count) };
    out.push({
      ...common,
      kind: 'first',
      total: r.first_total,
      answered_at: num(r.first_at),
      answered_day: r.first_day,
    });
    out.push({
      ...common,
      kind: 'last',
      total: r.last_total,
      answered_at: num(r.last_at),
      answered_day: r.last_day,
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
 * session, a risk assessment, or an attended appointment (the contacts Duet records).
 */
export async function lastClinicianContacts(db: Db, clinicId: string, userId: string) {
  const ids = caseloadIds(db, clinicId, userId);
  const [messages, sessions, assessments, appointments] = await Promise.all([
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
    db
      .selectFrom('appointments as a')
      .select(['a.patient_id', (eb) => eb.fn.max('a.starts_at').as('at')])
      .where('a.clinic_id', '=', clinicId)
      .where('a.patient_id', 'in', ids)
      .where('a.status', '=', 'attended')
      .groupBy('a.patient_id')
      .execute(),
  ]);
  const latest = new Map<string, number>();
  for (const r of [...messages, ...sessions, ...assessments, ...appointments]) {
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
