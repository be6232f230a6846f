import type { Db } from '../../db/database.js';
import type { SessionTable } from '../../db/schema.js';
import { compiledOnce } from '../../db/compiled-query.js';

export interface SessionWithUser {
  id_hash: string;
  user_id: string;
  clinic_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  role: string;
  status: string;
  patient_id: string | null;
  two_factor_setup_required: number;
}

export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

// A session with its account: what both look-ups below read.
const sessionsWithAccounts = (db: Db) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('patients as p', (j) =>
      j.onRef('p.user_id', '=', 'u.id').onRef('p.clinic_id', '=', 'u.clinic_id'),
    );

const SESSION_COLUMNS = [
  's.id_hash',
  's.user_id',
  's.clinic_id',
  's.csrf_token',
  's.created_at',
  's.last_seen_at',
  's.expires_at',
  'u.role',
  'u.status',
  'p.id as patient_id',
  's.two_factor_setup_required',
] as const;

// Asked on every request behind a session cookie: compiled once, bound per call (issue 19).
const sessionQuery = compiledOnce((db: Db, idHash: string) =>
  sessionsWithAccounts(db).select(SESSION_COLUMNS).where('s.id_hash', '=', idHash).limit(1),
);

export async function findSession(db: Db, idHash: string): Promise<SessionWithUser | undefined> {
  const [row] = await sessionQuery(db, idHash);
  return row;
}

// A patient route's request (issue 19, eighth session): the session and whether its account is on this
// patient's care team in one statement (the gate's care-team check; on PostgreSQL each statement is a round trip).
const sessionAndTeamQuery = compiledOnce((db: Db, idHash: string, patientId: string) =>
  sessionsWithAccounts(db)
    .select((eb) => [
      ...SESSION_COLUMNS,
      eb
        .exists(
          eb
            .selectFrom('care_team_members as m')
            .select('m.user_id')
            .whereRef('m.clinic_id', '=', 's.clinic_id')
            .whereRef('m.user_id', '=', 's.user_id')
            .where('m.patient_id', '=', patientId),
        )
        .as('on_team'),
    ])
    .where('s.id_hash', '=', idHash)
    .limit(1),
);

/** The session, and whether its account is on the care team of `patientId` (same rule as isOnCareTeam). */
export async function findSessionOnPatient(
  db: Db,
  idHash: string,
  patientId: string,
): Promise<(SessionWithUser & { on_team: boolean }) | undefined> {
  const [row] = await sessionAndTeamQuery(db, idHash, patientId);
  if (!row) return undefined;
  // exists(...) is a boolean on PostgreSQL, 0 or 1 on SQLite. The row is this call's own: set in place, no copy.
  row.on_team = Boolean(row.on_team);
  return row as SessionWithUser & { on_team: boolean };
}

export async function touchSession(db: Db, idHash: string, at: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: number, idleMs: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - idleMs)]))
    .execute();
}

/** The user's sessions still open, newest first (the signed-in devices list, issue 13). */
export async function listSessionsOfUser(db: Db, userId: string, now: number, idleMs: number) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'user_agent', 'client_address'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', now - idleMs)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends every session of the user but one (sign out everywhere else). */
export async function deleteSessionsOfUserExcept(db: Db, userId: string, keepIdHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '<>', keepIdHash).execute();
}

/** Two-step sign-in is set up: the user's sessions are no longer limited to setting it up. */
export async function liftTwoFactorSetupRequirement(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ two_factor_setup_required: 0 })
    .where('user_id', '=', userId)
    .execute();
}
