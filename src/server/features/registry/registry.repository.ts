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

/**
 * One clinician's caseload with what the registry shows of each patient, in one statement driven from the
 * care-team index: the patient, the PHQ-9 and GAD-7 summaries (baseline, latest, count; migration 014), the
 * last clinician contact (migration 024), each found by key. One row per patient and role the clinician holds
 * on that team. (The first agreed plan and the case-review mark are separate grouped queries: as correlated
 * subqueries here they cost SQLite more than the rest of the statement.)
 */
export async function caseloadFacts(db: Db, clinicId: string, userId: string) {
  const rows = await db
    .selectFrom('care_team_members as m')
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .leftJoin('measure_summaries as a', (j) =>
      j
        .onRef('a.patient_id', '=', 'm.patient_id')
        .on('a.instrument', '=', 'phq9')
        .on('a.clinic_id', '=', clinicId),
    )
    .leftJoin('measure_summaries as b', (j) =>
      j
        .onRef('b.patient_id', '=', 'm.patient_id')
        .on('b.instrument', '=', 'gad7')
        .on('b.clinic_id', '=', clinicId),
    )
    .leftJoin('last_clinician_contacts as c', (j) =>
      j.onRef('c.patient_id', '=', 'm.patient_id').on('c.clinic_id', '=', clinicId),
    )
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.time_zone',
      'm.role',
      'a.first_total as phq9_first_total',
      'a.first_at as phq9_first_at',
      'a.first_day as phq9_first_day',
      'a.last_total as phq9_last_total',
      'a.last_at as phq9_last_at',
      'a.last_day as phq9_last_day',
      'a.scored_count as phq9_count',
      'a.recent_best_total as phq9_recent_best',
      'a.safety_same_day as phq9_safety_same_day',
      'b.first_total as gad7_first_total',
      'b.first_at as gad7_first_at',
      'b.first_day as gad7_first_day',
      'b.last_total as gad7_last_total',
      'b.last_at as gad7_last_at',
      'b.last_day as gad7_last_day',
      'b.scored_count as gad7_count',
      'b.recent_best_total as gad7_recent_best',
      'b.safety_same_day as gad7_safety_same_day',
      'c.contacted_at',
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId)
    .where('p.clinic_id', '=', clinicId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    timeZone: r.time_zone,
    role: r.role,
    scores: [
      ...summaryPoints(
        r.id,
        'phq9',
        r.phq9_first_total,
        r.phq9_first_at,
        r.phq9_first_day,
        r.phq9_count,
        r.phq9_last_total,
        r.phq9_last_at,
        r.phq9_last_day,
        r.phq9_recent_best,
        r.phq9_safety_same_day,
      ),
      ...summaryPoints(
        r.id,
        'gad7',
        r.gad7_first_total,
        r.gad7_first_at,
        r.gad7_first_day,
        r.gad7_count,
        r.gad7_last_total,
        r.gad7_last_at,
        r.gad7_last_day,
        r.gad7_recent_best,
        r.gad7_safety_same_day,
      ),
    ],
    lastContactAt: r.contacted_at === null ? null : num(r.contacted_at),
  }));
}

export interface ScorePoint {
  patient_id: string;
  instrument: string;
  total: number;
  answered_at: number;
  answered_day: string;
  kind: 'first' | 'last';
  n: number;
  /** On the 'last' point (issue 12): lowest total of the 12 weeks before it, and a safety concern that day. */
  recentBest?: number | null;
  safetySameDay?: boolean;
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
  return rows.flatMap((r) =>
    summaryPoints(
      r.patient_id,
      r.instrument,
      r.first_total,
      r.first_at,
      r.first_day,
      r.scored_count,
      r.last_total,
      r.last_at,
      r.last_day,
      r.recent_best_total,
      r.safety_same_day,
    ),
  );
}

/** A summary row as its baseline and latest points; none when the patient has no scored answer. */
function summaryPoints(
  patientId: string,
  instrument: string,
  firstTotal: number | null,
  firstAt: unknown,
  firstDay: string | null,
  count: unknown,
  lastTotal: number | null,
  lastAt: unknown,
  lastDay: string | null,
  recentBest: number | null | undefined,
  safetySameDay: unknown,
): ScorePoint[] {
  if (firstTotal === null || lastTotal === null || firstDay === null || lastDay === null) return [];
  const n = num(count);
  return [
    {
      patient_id: patientId,
      instrument,
      kind: 'first',
      total: firstTotal,
      answered_at: num(firstAt),
      answered_day: firstDay,
      n,
    },
    {
      patient_id: patientId,
      instrument,
      kind: 'last',
      total: lastTotal,
      answered_at: num(lastAt),
      answered_day: lastDay,
      n,
      recentBest: recentBest ?? null,
      safetySameDay: num(safetySameDay ?? 0) === 1,
    },
  ];
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
