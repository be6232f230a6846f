// Synthetic clinic for the benchmarks: one clinic with N patients, each with a therapist and a prescriber
// (and a care manager for two in three), written straight into a fresh, migrated database in bulk.
//
//   npx tsx bench/generate-clinic.ts [--patients 5000] [--data-dir DIR | --database-url postgres://…]
//
// Rows look exactly like what the services write (enrolPatient, applyTeam, the audit log), so the real
// server reads them as if the clinic had grown through the app: ~90% of patients have signed up, the rest
// hold an open invite; every enrolment left its care-team changes and a hash-chained audit event.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import type { Database, Db } from '../src/server/db/database.js';
import type {
  AuditEventTable,
  CareTeamChangeTable,
  CareTeamMemberTable,
  InviteTable,
  PatientTable,
  UserTable,
} from '../src/server/db/schema.js';
import { GENESIS_HASH, hashAuditEvent } from '../src/server/platform/audit/audit-chain.js';
import { verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { loadAuditKeys } from '../src/server/platform/audit/audit-keys.js';
import { newId } from '../src/server/platform/ids.js';
import type { CareTeamRole } from '../src/shared/access/roles.js';
import { birthDate, caseloadQuotas, person, phone, seededRandom, shuffle, timeZone } from './synthetic.js';

/** Every generated account (staff and patients) signs in with this password. */
export const BENCH_PASSWORD = 'duet-bench-clinic-2026';
const EMAIL_DOMAIN = 'bench.duet.test';
const BATCH_ROWS = 500;
const DAY_MS = 24 * 3600_000;
const PATIENT_INVITE_TTL_MS = 7 * DAY_MS;

export interface GeneratedClinic {
  clinicId: string;
  patients: number;
  staff: { therapists: number; prescribers: number; careManagers: number };
  rows: Record<string, number>;
  /** The clinician the load test signs in as: caseload closest to the clinic's mean caseload. */
  clinician: { email: string; role: CareTeamRole; caseload: number; patientIds: string[] };
  caseloadRange: Record<CareTeamRole, { min: number; max: number; mean: number }>;
  password: string;
  elapsedMs: number;
}

interface Clinician {
  user: UserTable;
  role: CareTeamRole;
  patientIds: string[];
}

/** Multi-row inserts of BATCH_ROWS rows; the caller holds the transaction. */
async function insertBatched<T extends keyof BulkTables>(
  trx: Db,
  table: T,
  rows: BulkTables[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    // Kysely's per-table value types do not narrow through a generic table name; the rows are typed above.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH_ROWS) as never)
      .execute();
  }
}

interface BulkTables {
  users: UserTable;
  patients: PatientTable;
  invites: InviteTable;
  care_team_members: CareTeamMemberTable;
  care_team_changes: CareTeamChangeTable;
  audit_events: AuditEventTable;
}

/** Fills an empty, migrated database with one clinic of `patients` patients. Refuses a non-empty database. */
export async function generateClinic(
  database: Database,
  passwordHash: string,
  opts: { patients: number; now?: number; log?: (line: string) => void },
): Promise<GeneratedClinic> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const n = opts.patients;
  const now = opts.now ?? Date.now();
  const random = seededRandom(n);
  const existing = await database.db.selectFrom('clinics').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('generate-clinic needs an empty database (a clinic already exists)');

  const clinicId = newId();
  const staffUser = (role: string, i: number, name: string): UserTable => ({
    id: newId(),
    clinic_id: clinicId,
    email: `${role.replace('_', '')}${String(i + 1).padStart(3, '0')}@${EMAIL_DOMAIN}`,
    name,
    role,
    status: 'active',
    password_hash: passwordHash,
    version: 1,
    created_at: now - 800 * DAY_MS,
    updated_at: now - 800 * DAY_MS,
    last_login_at: null,
  });
  const clinicians = (role: CareTeamRole, count: number): Clinician[] =>
    Array.from({ length: count }, (_, i) => {
      const p = person(random);
      return { user: staffUser(role, i, `${p.givenName} ${p.familyName}`), role, patientIds: [] };
    });
  const therapists = clinicians('therapist', Math.max(1, Math.round(n / 50)));
  const prescribers = clinicians('prescriber', Math.max(1, Math.round(n / 100)));
  const careManagers = clinicians('care_manager', Math.max(1, Math.round(n / 150)));
  const admin = staffUser('admin', 0, 'Bench Admin');

  // Patients enrolled over the last two years, oldest first, so ids, created_at and audit seq all agree.
  const enrolledAt = Array.from({ length: n }, () => now - Math.floor(random() * 730 * DAY_MS)).sort(
    (a, b) => a - b,
  );
  const users: UserTable[] = [admin, ...[...therapists, ...prescribers, ...careManagers].map((c) => c.user)];
  const patients: PatientTable[] = [];
  const invites: InviteTable[] = [];
  enrolledAt.forEach((at, i) => {
    const p = person(random);
    const userId = newId();
    const signedUp = random() < 0.9;
    const email = `patient${String(i + 1).padStart(5, '0')}@${EMAIL_DOMAIN}`;
    users.push({
      id: userId,
      clinic_id: clinicId,
      email,
      name: `${p.givenName} ${p.familyName}`,
      role: 'patient',
      status: signedUp ? 'active' : 'invited',
      password_hash: signedUp ? passwordHash : null,
      version: signedUp ? 2 : 1,
      created_at: at,
      updated_at: at,
      last_login_at: null,
    });
    patients.push({
      id: newId(),
      clinic_id: clinicId,
      user_id: userId,
      given_name: p.givenName,
      family_name: p.familyName,
      birth_date: birthDate(random, new Date(now)),
      email,
      phone: phone(random),
      time_zone: timeZone(random),
      medical_record_number: `MRN-${String(100000 + i)}`,
      country: null,
      version: 1,
      care_team_version: 1,
      created_by: '', // set below, once the therapist is known
      created_at: at,
      updated_at: at,
    });
    if (!signedUp) {
      invites.push({
        id: newId(),
        clinic_id: clinicId,
        user_id: userId,
        token_hash: createHash('sha256').update(randomBytes(32)).digest('hex'),
        expires_at: at + PATIENT_INVITE_TTL_MS,
        used_at: null,
        revoked_at: null,
        created_by: null,
        created_at: at,
      });
    }
  });

  // Deal patients to clinicians by quota: caseloads differ like part-time and full-time workloads do.
  const deal = (team: Clinician[], patientIndexes: number[]) => {
    const quotas = caseloadQuotas(random, team.length, patientIndexes.length);
    const order = shuffle(random, [...patientIndexes]);
    let next = 0;
    team.forEach((c, t) => {
      for (let k = 0; k < (quotas[t] ?? 0); k++) {
        const patient = patients[order[next++] ?? -1];
        if (patient) c.patientIds.push(patient.id);
      }
    });
  };
  const all = patients.map((_, i) => i);
  deal(therapists, all);
  deal(prescribers, all);
  deal(
    careManagers,
    all.filter(() => random() < 2 / 3),
  );

  const therapistOf = new Map<string, string>();
  for (const t of therapists) for (const id of t.patientIds) therapistOf.set(id, t.user.id);
  const patientById = new Map(patients.map((p) => [p.id, p]));
  const members: CareTeamMemberTable[] = [];
  const changes: CareTeamChangeTable[] = [];
  for (const c of [...therapists, ...prescribers, ...careManagers]) {
    for (const patientId of c.patientIds) {
      const patient = patientById.get(patientId);
      const enroller = therapistOf.get(patientId);
      if (!patient || !enroller) throw new Error('every patient has a therapist');
      patient.created_by = enroller;
      const at = patient.created_at;
      members.push({
        clinic_id: clinicId,
        patient_id: patientId,
        user_id: c.user.id,
        role: c.role,
        added_at: at,
        added_by: enroller,
      });
      changes.push({
        id: newId(),
        clinic_id: clinicId,
        patient_id: patientId,
        user_id: c.user.id,
        role: c.role,
        change: 'added',
        by_user_id: enroller,
        at,
      });
    }
  }

  // One audit event per enrolment, chained exactly as the audit log chains them.
  const audit: AuditEventTable[] = [];
  let prevHash = GENESIS_HASH;
  for (const p of patients) {
    const row = {
      clinic_id: clinicId,
      seq: audit.length + 1,
      id: newId(),
      at: p.created_at,
      actor_id: p.created_by,
      actor_role: 'therapist',
      patient_id: p.id,
      action: 'patient.enrol',
      resource_type: 'patient',
      resource_id: p.id,
      outcome: 'allowed',
      prev_hash: prevHash,
    };
    prevHash = hashAuditEvent(row);
    // Written as before keyed hashing (plain SHA-256): the server's own events after these carry the HMAC.
    audit.push({ ...row, hash: prevHash, hash_key_id: null });
  }

  await database.transaction(async (trx) => {
    await trx
      .insertInto('clinics')
      .values({
        id: clinicId,
        name: `Bench Clinic (${String(n)} patients)`,
        // The bench signs staff in with a password only: two-step sign-in is off, as in the demo clinic.
        settings: JSON.stringify({ staffTwoFactorRequired: false }),
        created_at: now - 800 * DAY_MS,
      })
      .execute();
    await insertBatched(trx, 'users', users);
    await insertBatched(trx, 'patients', patients);
    await insertBatched(trx, 'invites', invites);
    await insertBatched(trx, 'care_team_members', members);
    await insertBatched(trx, 'care_team_changes', changes);
    await insertBatched(trx, 'audit_events', audit);
  });
  // PostgreSQL's autovacuum analyzes freshly loaded tables within a minute or so; do it now, so the plans
  // are the steady-state ones from the first request instead of changing halfway through a run. SQLite has
  // no such daemon and the server never runs ANALYZE, so its planner keeps working without statistics.
  if (database.engine === 'postgres') await sql`analyze`.execute(database.db);
  log(
    `inserted ${String(users.length + patients.length + invites.length + members.length + changes.length + audit.length)} rows`,
  );

  const everyone = [...therapists, ...prescribers, ...careManagers];
  const mean = everyone.reduce((s, c) => s + c.patientIds.length, 0) / everyone.length;
  const typical = everyone.reduce((best, c) =>
    Math.abs(c.patientIds.length - mean) < Math.abs(best.patientIds.length - mean) ? c : best,
  );
  const range = (team: Clinician[]) => {
    const sizes = team.map((c) => c.patientIds.length);
    return {
      min: Math.min(...sizes),
      max: Math.max(...sizes),
      mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    };
  };
  return {
    clinicId,
    patients: n,
    staff: {
      therapists: therapists.length,
      prescribers: prescribers.length,
      careManagers: careManagers.length,
    },
    rows: {
      users: users.length,
      patients: patients.length,
      invites: invites.length,
      care_team_members: members.length,
      care_team_changes: changes.length,
      audit_events: audit.length,
    },
    clinician: {
      email: typical.user.email,
      role: typical.role,
      caseload: typical.patientIds.length,
      patientIds: typical.patientIds,
    },
    caseloadRange: {
      therapist: range(therapists),
      prescriber: range(prescribers),
      care_manager: range(careManagers),
    },
    password: BENCH_PASSWORD,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const patients = Number(flag(args, '--patients') ?? '5000');
  if (!Number.isInteger(patients) || patients < 1 || patients > 1_000_000)
    throw new Error('--patients must be a whole number from 1 to 1,000,000');
  const databaseUrl = flag(args, '--database-url') ?? null;
  let dataDir = flag(args, '--data-dir');
  if (!databaseUrl && !dataDir) {
    // Our own scratch directory: safe to start it over.
    dataDir = path.resolve('.tmp/bench', `clinic-${String(patients)}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const config = loadConfig({
    DATA_DIR: dataDir ?? '.tmp/bench/unused',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const database = await openAndMigrate(config);
  try {
    const deps = createDeps(config, database);
    const hash = await deps.passwords.hash(BENCH_PASSWORD);
    const clinic = await generateClinic(database, hash, {
      patients,
      log: (line) => process.stdout.write(line + '\n'),
    });
    const chain = await verifyAuditChain(database.db, loadAuditKeys(config));
    if (!chain.ok) throw new Error(`audit chain broken at seq ${String(chain.seq)}: ${chain.reason}`);
    const where = databaseUrl ? 'PostgreSQL' : config.sqlitePath;
    process.stdout.write(
      [
        `Clinic of ${String(patients)} patients generated in ${String(clinic.elapsedMs)} ms (${where})`,
        `  staff: ${String(clinic.staff.therapists)} therapists, ${String(clinic.staff.prescribers)} prescribers, ${String(clinic.staff.careManagers)} care managers`,
        `  rows: ${JSON.stringify(clinic.rows)}`,
        `  caseloads: ${JSON.stringify(clinic.caseloadRange)}`,
        `  sign in as: ${clinic.clinician.email} (${clinic.clinician.role}, ${String(clinic.clinician.caseload)} patients), password ${clinic.password}`,
        `  a patient on their team: ${clinic.clinician.patientIds[0] ?? '(none)'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(path.resolve(invokedPath)).href) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `generate-clinic: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
