import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

// Issue 19: a clinic's roster version, bumped by the database itself whenever an input of a caseload answer
// changes, so a server may keep each clinician's caseload answer and reuse it while the version it was made
// under is still the current one (features/patients/caseload-cache.ts). Triggers, not application code, so
// every write path bumps it: the app, imports, admin tools and other instances on the same PostgreSQL.
//
// The inputs, read from the code (patients.repository.ts `caseloadQuery` / `caseloadTeamsQuery`,
// patients.mapper.ts `toCareTeamMember`):
// - care_team_members: every row (insert, update, delete): who is on whose team, with which role, since when;
// - patients: given_name, family_name, birth_date, time_zone, medical_record_number, created_at (shown), and a
//   deleted patient. The caseload filters on no patient status (a patient leaves a caseload only when the
//   care-team row goes), so no status column is an input;
// - users: name and email (a care-team member as shown). Other users columns (last_login_at, status,
//   password_hash, version, updated_at...) are not inputs and do not bump it.
// A missing row reads as version 0. Each bump adds 1 plus a random step below a million (still increasing, so a
// later answer is never replaced by an older one): a database restored from a backup while a server keeps its
// kept answers cannot come back, after a few roster changes, to the very version an answer was kept under (a
// plain +1 would, and that answer could list a patient a clinician has since been removed from). Random steps
// keep the version below 2^53 (exact in a JavaScript number) for billions of bumps.
const PATIENT_COLUMNS = [
  'given_name',
  'family_name',
  'birth_date',
  'time_zone',
  'medical_record_number',
  'created_at',
];
const USER_COLUMNS = ['name', 'email'];

const SQLITE_STEP = '(1 + abs(random() % 1000000))';
const POSTGRES_STEP = '(1 + floor(random() * 1000000)::bigint)';

const changed = (columns: string[], op: 'is not' | 'is distinct from') =>
  columns.map((c) => `old.${c} ${op} new.${c}`).join(' or ');

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await sql`create table caseload_versions (
    clinic_id text primary key,
    version bigint not null
  )`.execute(db);
  if (engine === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  // One writer at a time on SQLite: the bump takes no lock a writer does not already hold.
  const bump = (clinic: string) =>
    `insert into caseload_versions (clinic_id, version) values (${clinic}, ${SQLITE_STEP})
      on conflict (clinic_id) do update set version = caseload_versions.version + ${SQLITE_STEP};`;
  const statements = [
    `create trigger caseload_version_team_insert after insert on care_team_members begin ${bump('new.clinic_id')} end`,
    `create trigger caseload_version_team_delete after delete on care_team_members begin ${bump('old.clinic_id')} end`,
    `create trigger caseload_version_team_update after update on care_team_members begin ${bump('new.clinic_id')} end`,
    `create trigger caseload_version_team_move after update of clinic_id on care_team_members
      when old.clinic_id is not new.clinic_id begin ${bump('old.clinic_id')} end`,
    `create trigger caseload_version_patient_update after update of ${PATIENT_COLUMNS.join(', ')} on patients
      when ${changed(PATIENT_COLUMNS, 'is not')} begin ${bump('new.clinic_id')} end`,
    `create trigger caseload_version_patient_delete after delete on patients begin ${bump('old.clinic_id')} end`,
    `create trigger caseload_version_user_update after update of ${USER_COLUMNS.join(', ')} on users
      when ${changed(USER_COLUMNS, 'is not')} begin ${bump('new.clinic_id')} end`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function duet_caseload_version_bump() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    insert into caseload_versions (clinic_id, version) values (old.clinic_id, ${POSTGRES_STEP})
      on conflict (clinic_id) do update set version = caseload_versions.version + ${POSTGRES_STEP};
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.clinic_id is distinct from old.clinic_id) then
    insert into caseload_versions (clinic_id, version) values (new.clinic_id, ${POSTGRES_STEP})
      on conflict (clinic_id) do update set version = caseload_versions.version + ${POSTGRES_STEP};
  end if;
  return null;
end $$`,
    )
    .execute(db);
  // Deferred constraint triggers: the bump runs at commit, after every other write of the transaction, so the
  // clinic's version row is always the last lock a writer takes (no lock-order deadlock with a transaction that
  // holds a patient row) and is held only for the commit itself. Still the same transaction: the rows and the
  // new version become visible together.
  const trigger = (name: string, event: string, table: string, when = '') =>
    `create constraint trigger ${name} after ${event} on ${table} deferrable initially deferred
      for each row ${when ? `when (${when}) ` : ''}execute function duet_caseload_version_bump()`;
  const statements = [
    trigger('caseload_version_team', 'insert or update or delete', 'care_team_members'),
    trigger(
      'caseload_version_patient_update',
      `update of ${PATIENT_COLUMNS.join(', ')}`,
      'patients',
      changed(PATIENT_COLUMNS, 'is distinct from'),
    ),
    trigger('caseload_version_patient_delete', 'delete', 'patients'),
    trigger(
      'caseload_version_user_update',
      `update of ${USER_COLUMNS.join(', ')}`,
      'users',
      changed(USER_COLUMNS, 'is distinct from'),
    ),
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
