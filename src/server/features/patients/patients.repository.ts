import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db } from '../../db/database.js';
import { compiledOnce } from '../../db/compiled-query.js';
import { preparedOnPostgres } from '../../db/pg-prepared.js';
import type { CareTeamChangeTable, CareTeamMemberTable, PatientTable } from '../../db/schema.js';

export async function insertPatient(db: Db, row: PatientTable): Promise<void> {
  await db.insertInto('patients').values(row).execute();
}

const PATIENT_COLUMNS = [
  'p.id',
  'p.clinic_id',
  'p.user_id',
  'p.given_name',
  'p.family_name',
  'p.birth_date',
  'p.email',
  'p.phone',
  'p.time_zone',
  'p.medical_record_number',
  'p.country',
  'p.version',
  'p.care_team_version',
  'p.created_by',
  'p.created_at',
  'p.updated_at',
] as const;

// Compiled once, bound per call (issue 19: the overview's and caseload's queries are the hottest reads). The
// columns are named, not \`p.*\`: on PostgreSQL it is a prepared statement (db/pg-prepared.ts), and a column added
// by a later migration must not change its result type under a running instance.
const patientQuery = compiledOnce((db: Db, clinicId: string, patientId: string) =>
  db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(PATIENT_COLUMNS)
    .select('u.status as account_status')
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', '=', patientId),
);

export async function findPatient(db: Db, clinicId: string, patientId: string) {
  const [row] = await patientQuery(db, clinicId, patientId);
  return row;
}
export type PatientRow = NonNullable<Awaited<ReturnType<typeof findPatient>>>;

export async function findPatientByMrn(db: Db, clinicId: string, mrn: string) {
  return db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('medical_record_number', '=', mrn)
    .executeTakeFirst();
}

/** Optimistic update: only succeeds when the stored version is the one the client edited. */
export async function updatePatient(
  db: Db,
  clinicId: string,
  patientId: string,
  expectedVersion: number,
  fields: Partial<Omit<PatientTable, 'id' | 'clinic_id' | 'version' | 'care_team_version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('patients')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bumpCareTeamVersion(
  db: Db,
  clinicId: string,
  patientId: string,
  expected: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('patients')
    .set((eb) => ({ care_team_version: eb('care_team_version', '+', 1), updated_at: now }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .where('care_team_version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MemberRow {
  patient_id: string;
  user_id: string;
  role: string;
  added_at: number;
  name: string;
  email: string;
}

const teamMembers = (db: Db) =>
  db
    .selectFrom('care_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.patient_id', 'm.user_id', 'm.role', 'm.added_at', 'u.name', 'u.email']);

const careTeamQuery = compiledOnce((db: Db, clinicId: string, patientId: string) =>
  teamMembers(db)
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', '=', patientId)
    .orderBy('m.role')
    .orderBy('u.name'),
);

/** One patient's care team (the overview). */
export function careTeamOf(db: Db, clinicId: string, patientId: string): Promise<MemberRow[]> {
  return careTeamQuery(db, clinicId, patientId);
}

const caseloadTeamsQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  teamMembers(db)
    .where('m.clinic_id', '=', clinicId)
    .where('m.patient_id', 'in', (eb) =>
      eb
        .selectFrom('care_team_members as mine')
        .select('mine.patient_id')
        .where('mine.clinic_id', '=', clinicId)
        .where('mine.user_id', '=', userId),
    )
    .orderBy('m.role')
    .orderBy('u.name'),
);

/**
 * The care teams of every patient on this clinician's caseload, in one statement of fixed text (a sub-query
 * where a list of the caseload's ids was bound before: issue 19).
 */
export function careTeamsOfCaseload(db: Db, clinicId: string, userId: string): Promise<MemberRow[]> {
  return caseloadTeamsQuery(db, clinicId, userId);
}

export async function addMember(db: Db, row: CareTeamMemberTable): Promise<void> {
  await db.insertInto('care_team_members').values(row).execute();
}

export async function removeMember(
  db: Db,
  clinicId: string,
  patientId: string,
  userId: string,
  role: string,
): Promise<void> {
  await db
    .deleteFrom('care_team_members')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .execute();
}

export async function insertChange(db: Db, row: CareTeamChangeTable): Promise<void> {
  await db.insertInto('care_team_changes').values(row).execute();
}

/**
 * Removals from roles nobody on this patient's team holds now, each the latest removal of its role (a tie at
 * the same instant gives both), newest first: where a departure's "leave unassigned" reason lives (issue 15).
 */
const removalsOfEmptyRolesQuery = compiledOnce((db: Db, clinicId: string, patientId: string) =>
  db
    .selectFrom('care_team_changes as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('users as b', 'b.id', 'c.by_user_id')
    .select(['c.role', 'c.reason', 'c.at', 'u.name as left_name', 'b.name as by_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .where('c.change', '=', 'removed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_team_members as m')
            .select('m.user_id')
            .whereRef('m.clinic_id', '=', 'c.clinic_id')
            .whereRef('m.patient_id', '=', 'c.patient_id')
            .whereRef('m.role', '=', 'c.role'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('care_team_changes as l')
            .select('l.id')
            .whereRef('l.clinic_id', '=', 'c.clinic_id')
            .whereRef('l.patient_id', '=', 'c.patient_id')
            .whereRef('l.role', '=', 'c.role')
            .where('l.change', '=', 'removed')
            .whereRef('l.at', '>', 'c.at'),
        ),
      ),
    )
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc'),
);

export async function removalsOfEmptyRoles(db: Db, clinicId: string, patientId: string) {
  const rows = await removalsOfEmptyRolesQuery(db, clinicId, patientId);
  return rows.map((r) => ({ ...r, reason: r.reason ?? null }));
}
export type RemovalRow = Awaited<ReturnType<typeof removalsOfEmptyRoles>>[number];

export async function changesOf(db: Db, clinicId: string, patientId: string, limit: number) {
  return db
    .selectFrom('care_team_changes as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('users as b', 'b.id', 'c.by_user_id')
    .select([
      'c.id',
      'c.user_id',
      'u.name as user_name',
      'c.role',
      'c.change',
      'c.by_user_id',
      'b.name as by_name',
      'c.at',
      'c.reason',
    ])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/** The clinician's caseload: every patient whose care team they are on, with their role(s) there. */
const caseloadQuery = compiledOnce((db: Db, clinicId: string, userId: string) =>
  db
    .selectFrom('care_team_members as m')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'm.patient_id').onRef('p.clinic_id', '=', 'm.clinic_id'),
    )
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'p.time_zone',
      'p.medical_record_number',
      'p.created_at',
      'm.role',
    ])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId)
    .orderBy('p.family_name')
    .orderBy('p.given_name'),
);

export function caseloadOf(db: Db, clinicId: string, userId: string) {
  return caseloadQuery(db, clinicId, userId);
}

const caseloadVersionQuery = compiledOnce((db: Db, clinicId: string) =>
  db.selectFrom('caseload_versions').select('version').where('clinic_id', '=', clinicId),
);

/**
 * The clinic's roster version (migration 053): bumped by database triggers on every change of a caseload's
 * inputs; 0 before the first. One primary-key read.
 */
export async function caseloadVersionOf(db: Db, clinicId: string): Promise<number> {
  const [row] = await caseloadVersionQuery(db, clinicId);
  return row?.version ?? 0;
}

/**
 * The contact address on the patient record of an account (none for staff), set when the account's
 * sign-in address changes, in the same transaction so the two never disagree (accounts asks through
 * deps.setPatientEmail; issue 18).
 */
export async function setEmailOfAccount(
  db: Db,
  clinicId: string,
  userId: string,
  email: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('patients')
    .set((eb) => ({ email, updated_at: now, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .execute();
}

/** What a patient overview is made of: the patient, the care team, the pending address and the removals. */
export interface OverviewRows {
  patient: PatientRow;
  team: MemberRow[];
  pendingEmail: string | null;
  removals: RemovalRow[];
}

/** Whether this connection speaks to PostgreSQL (the overview's one-statement path is written for it). */
export function onPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/*
 * The overview's four reads in one statement on PostgreSQL (issue 19: there each statement is a round trip,
 * ~0.1 ms of socket writes on the main thread, so an overview cost what it sent, not what it read). The same
 * rows and orders as patientQuery, careTeamQuery, removalsOfEmptyRolesQuery and the accounts feature's open
 * email change, the lists aggregated with json_agg. Fixed text, bound per call, a named prepared statement
 * (db/pg-prepared.ts: planned once per connection, 800 -> 70 µs of the server's CPU). $4 = 1 asks for the removals
 * (staff only). SQLite keeps the four statements: each is a function call there, not a round trip.
 */
const OVERVIEW_IN_ONE_SQL = `
select p.id, p.clinic_id, p.user_id, p.given_name, p.family_name, p.birth_date, p.email, p.phone,
  p.time_zone, p.medical_record_number, p.country, p.version, p.care_team_version, p.created_by, p.created_at,
  p.updated_at, u.status as account_status,
  (select e.new_email from email_changes e
    where e.clinic_id = p.clinic_id and e.user_id = p.user_id
      and e.used_at is null and e.revoked_at is null and e.expires_at > $3
    order by e.created_at desc limit 1) as overview_pending_email,
  coalesce((select json_agg(t order by t.role, t.name) from (
      select m.patient_id, m.user_id, m.role, m.added_at, tu.name, tu.email
      from care_team_members m inner join users tu on tu.id = m.user_id
      where m.clinic_id = p.clinic_id and m.patient_id = p.id) t), '[]'::json) as overview_team,
  coalesce((select json_agg(r order by r.at desc, r.id desc) from (
      select c.id, c.role, c.reason, c.at, lu.name as left_name, bu.name as by_name
      from care_team_changes c
        inner join users lu on lu.id = c.user_id
        inner join users bu on bu.id = c.by_user_id
      where $4 = 1 and c.clinic_id = p.clinic_id and c.patient_id = p.id and c.change = 'removed'
        and not exists (select m.user_id from care_team_members m
          where m.clinic_id = c.clinic_id and m.patient_id = c.patient_id and m.role = c.role)
        and not exists (select l.id from care_team_changes l
          where l.clinic_id = c.clinic_id and l.patient_id = c.patient_id and l.role = c.role
            and l.change = 'removed' and l.at > c.at)) r), '[]'::json) as overview_removals
from patients p inner join users u on u.id = p.user_id
where p.clinic_id = $1 and p.id = $2`;

interface RemovalJson {
  role: string;
  reason: string | null;
  at: number;
  left_name: string;
  by_name: string;
}
type OverviewInOneRow = PatientRow & {
  overview_pending_email: string | null;
  overview_team: MemberRow[];
  overview_removals: RemovalJson[];
};

/** The overview's rows in one round trip (PostgreSQL only); undefined when the clinic has no such patient. */
export async function overviewInOneStatement(
  db: Db,
  clinicId: string,
  patientId: string,
  now: number,
  forStaff: boolean,
): Promise<OverviewRows | undefined> {
  preparedOnPostgres(OVERVIEW_IN_ONE_SQL);
  const { rows } = await db.executeQuery<OverviewInOneRow>(
    CompiledQuery.raw(OVERVIEW_IN_ONE_SQL, [clinicId, patientId, now, forStaff ? 1 : 0]),
  );
  const [row] = rows;
  if (!row) return undefined;
  const { overview_pending_email, overview_team, overview_removals, ...patient } = row;
  return {
    patient,
    team: overview_team.map((m) => ({
      patient_id: m.patient_id,
      user_id: m.user_id,
      role: m.role,
      added_at: m.added_at,
      name: m.name,
      email: m.email,
    })),
    pendingEmail: overview_pending_email,
    removals: overview_removals.map((r) => ({
      role: r.role,
      reason: r.reason ?? null,
      at: r.at,
      left_name: r.left_name,
      by_name: r.by_name,
    })),
  };
}
