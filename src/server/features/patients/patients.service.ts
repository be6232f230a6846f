import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { CareTeamRole } from '../../../shared/access/roles.js';
import type { PatientDetails, PatientOverview } from '../../../shared/patients/schemas.js';
import * as accounts from '../accounts/index.js';
import { inviteMail, issueInvite, resendInvite } from '../accounts/index.js';
import * as repo from './patients.repository.js';
import { caseloadCacheOf, type KeptCaseload } from './caseload-cache.js';
import { toPatientOverview, toVacancies } from './patients.mapper.js';
import { applyTeam, assertAssignable, type Assignment } from './care-team.js';
import { forgetPatientBasics } from '../../platform/patients/patient-basics.js';

/**
 * The overview's rows: one statement on PostgreSQL (each statement is a round trip there, issue 19), four on
 * SQLite (each a function call). The same rows either way (patients-overview-rows.int.test.ts compares them).
 */
export async function overviewRows(
  db: Db,
  clinicId: string,
  patientId: string,
  now: number,
  forStaff: boolean,
): Promise<repo.OverviewRows | undefined> {
  if (repo.onPostgres(db)) return repo.overviewInOneStatement(db, clinicId, patientId, now, forStaff);
  return overviewRowsOneByOne(db, clinicId, patientId, now, forStaff);
}

/** The overview's rows, one statement each (SQLite's path; on PostgreSQL the reference for the test). */
export async function overviewRowsOneByOne(
  db: Db,
  clinicId: string,
  patientId: string,
  now: number,
  forStaff: boolean,
): Promise<repo.OverviewRows | undefined> {
  const patient = await repo.findPatient(db, clinicId, patientId);
  if (!patient) return undefined;
  // Issue 13: an address waiting for the patient's confirmation is shown beside the current one.
  const pending = await accounts.pendingEmailOf(db, now, clinicId, patient.user_id);
  // Issue 15: a departure's "leave unassigned" reason is the team's note, shown to staff only.
  const removals = forStaff ? await repo.removalsOfEmptyRoles(db, clinicId, patientId) : [];
  const team = await repo.careTeamOf(db, clinicId, patientId);
  return { patient, team, pendingEmail: pending?.email ?? null, removals };
}

async function loadOverview(
  db: Db,
  clinicId: string,
  patientId: string,
  now: number,
  forStaff = true,
): Promise<PatientOverview> {
  const rows = await overviewRows(db, clinicId, patientId, now, forStaff);
  if (!rows) throw new AppError('not_found', 'Patient not found');
  return toPatientOverview(rows.patient, rows.team, rows.pendingEmail, toVacancies(rows.removals));
}

function assertBornInThePast(deps: AppDeps, birthDate: string | undefined): void {
  if (birthDate === undefined) return;
  const today = localDate(deps.clock.now(), 'UTC');
  if (birthDate > today) {
    throw new AppError('validation_failed', 'The date of birth is in the future.', [
      { path: 'body.birthDate', message: 'The date of birth cannot be in the future.' },
    ]);
  }
}

async function assertMrnFree(
  db: Db,
  clinicId: string,
  mrn: string | null | undefined,
  patientId: string | null,
): Promise<void> {
  if (!mrn) return;
  const other = await repo.findPatientByMrn(db, clinicId, mrn);
  if (other && other.id !== patientId) {
    throw new AppError('conflict', 'Another patient already has this medical record number.', [
      { path: 'body.medicalRecordNumber', message: 'Already in use' },
    ]);
  }
}

/**
 * Sign-in addresses are unique across the whole instance (users.email). Issue 13 (V8): an address used in
 * another clinic is refused with a message that names no clinic, no role and no "already exists", the
 * same words as for any unusable address; inside the clinic the team gets the clear answer.
 */
async function assertEmailUsable(db: Db, clinicId: string, email: string): Promise<void> {
  const existing = await accounts.findUserByEmail(db, email);
  if (!existing) return;
  if (existing.clinic_id === clinicId)
    throw new AppError('conflict', 'Someone in your clinic already signs in with this email.', [
      { path: 'body.email', message: 'Already in use in your clinic' },
    ]);
  throw new AppError(
    'conflict',
    'This email cannot be used for a new patient account. Check it with the patient or use another address.',
    [{ path: 'body.email', message: 'Cannot be used for a new account' }],
  );
}

/** Enrols a patient: the record, a patient account in "invited" state with a sign-up link, and the care team. */
export async function enrolPatient(
  deps: AppDeps,
  actor: Actor,
  input: Omit<PatientDetails, 'country'> & { country?: string | null; careTeam: Assignment[] },
): Promise<PatientOverview> {
  assertBornInThePast(deps, input.birthDate);
  const now = deps.clock.now();
  const patientId = newId();
  const userId = newId();
  const name = `${input.givenName} ${input.familyName}`;
  const { overview, invite, clinicName } = await deps.database.transaction(async (trx) => {
    await assertEmailUsable(trx, actor.clinicId, input.email);
    await assertMrnFree(trx, actor.clinicId, input.medicalRecordNumber, null);
    await assertAssignable(trx, actor.clinicId, input.careTeam);
    await accounts.insertUser(trx, {
      id: userId,
      clinic_id: actor.clinicId,
      email: input.email,
      name,
      role: 'patient',
      status: 'invited',
      password_hash: null,
      version: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    });
    await repo.insertPatient(trx, {
      id: patientId,
      clinic_id: actor.clinicId,
      user_id: userId,
      given_name: input.givenName,
      family_name: input.familyName,
      birth_date: input.birthDate,
      email: input.email,
      phone: input.phone,
      time_zone: input.timeZone,
      medical_record_number: input.medicalRecordNumber,
      country: input.country ?? null,
      version: 1,
      care_team_version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await applyTeam(trx, actor, patientId, [], input.careTeam, now);
    const issued = await issueInvite(
      trx,
      deps,
      { id: userId, clinicId: actor.clinicId, role: 'patient' },
      actor.userId,
    );
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'patient.enrol',
      resourceType: 'patient',
      resourceId: patientId,
      patientId,
      outcome: 'allowed',
    });
    return {
      overview: await loadOverview(trx, actor.clinicId, patientId, deps.clock.now()),
      invite: issued,
      clinicName: await accounts.findClinicName(trx, actor.clinicId),
    };
  });
  await deps.mailer.send(deps.database.db, {
    clinicId: actor.clinicId,
    to: input.email,
    ...inviteMail({ name, role: 'patient', clinicName, invite }),
  });
  return overview;
}

export function getPatient(deps: AppDeps, actor: Actor, patientId: string): Promise<PatientOverview> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'patient.read', resourceType: 'patient' },
    (trx) => loadOverview(trx, actor.clinicId, patientId, deps.clock.now(), actor.role !== 'patient'),
  );
}

const stale = (current: PatientOverview) =>
  new AppError(
    'precondition_failed',
    'Someone else changed this record after you opened it. Review their change and try again.',
    { current },
  );

export async function updatePatient(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  changes: Partial<PatientDetails>,
): Promise<PatientOverview> {
  assertBornInThePast(deps, changes.birthDate);
  const { overview, mails } = await withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'patient.update', resourceType: 'patient' },
    async (trx) => {
      const current = await loadOverview(trx, actor.clinicId, patientId, deps.clock.now());
      if (current.version !== expectedVersion) throw stale(current);
      await assertMrnFree(trx, actor.clinicId, changes.medicalRecordNumber, patientId);
      const fields = {
        given_name: changes.givenName,
        family_name: changes.familyName,
        birth_date: changes.birthDate,
        phone: changes.phone,
        time_zone: changes.timeZone,
        medical_record_number: changes.medicalRecordNumber,
        country: changes.country,
        updated_at: deps.clock.now(),
      };
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (!(await repo.updatePatient(trx, actor.clinicId, patientId, expectedVersion, defined))) {
        throw stale(await loadOverview(trx, actor.clinicId, patientId, deps.clock.now()));
      }
      forgetPatientBasics(actor.clinicId, patientId);
      // Issue 13: the email is the patient's sign-in and notification address; a new one waits for the
      // patient's confirmation from that address (one rule for everyone, in the accounts feature).
      const emailMails =
        changes.email === undefined
          ? []
          : await accounts.changeEmailForPatient(trx, deps, actor, current.id, changes.email);
      return {
        overview: await loadOverview(trx, actor.clinicId, patientId, deps.clock.now()),
        mails: emailMails,
      };
    },
  );
  await accounts.sendMails(deps, mails);
  return overview;
}

export function updateCareTeam(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  members: Assignment[],
): Promise<PatientOverview> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'care_team.update', resourceType: 'care_team' },
    async (trx) => {
      const current = await loadOverview(trx, actor.clinicId, patientId, deps.clock.now());
      if (current.careTeamVersion !== expectedVersion) throw stale(current);
      await assertAssignable(trx, actor.clinicId, members);
      const now = deps.clock.now();
      if (!(await repo.bumpCareTeamVersion(trx, actor.clinicId, patientId, expectedVersion, now))) {
        throw stale(await loadOverview(trx, actor.clinicId, patientId, deps.clock.now()));
      }
      await applyTeam(
        trx,
        actor,
        patientId,
        current.careTeam.map((m) => ({ userId: m.userId, role: m.role })),
        members,
        now,
      );
      return loadOverview(trx, actor.clinicId, patientId, deps.clock.now());
    },
  );
}

/** The latest `limit` care-team changes, newest first; `hasMore` when older ones exist (issue 19). */
export function careTeamHistory(deps: AppDeps, actor: Actor, patientId: string, limit: number) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'care_team.read_history', resourceType: 'care_team' },
    async (trx) => {
      const { rows, hasMore } = firstOf(
        await repo.changesOf(trx, actor.clinicId, patientId, limit + 1),
        limit,
      );
      const changes = rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.user_name,
        role: r.role as CareTeamRole,
        change: r.change as 'added' | 'removed',
        byUserId: r.by_user_id,
        byName: r.by_name,
        at: r.at,
        reason: r.reason ?? null,
      }));
      return { changes, hasMore };
    },
  );
}

export async function resendPatientInvite(deps: AppDeps, actor: Actor, patientId: string): Promise<void> {
  const userId = await withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'patient.resend_invite', resourceType: 'patient' },
    async (trx) => {
      const patient = await repo.findPatient(trx, actor.clinicId, patientId);
      if (!patient) throw new AppError('not_found', 'Patient not found');
      return patient.user_id;
    },
  );
  await resendInvite(deps, actor, actor.clinicId, userId);
}

/**
 * The clinician's caseload as the answer's JSON text (CaseloadResponse), made and checked on a read worker when
 * the server runs them (caseload-read.ts), with one audit event naming the patients listed (names and dates of
 * birth; issue 19: one event and a side row per patient), recorded through the shared commit of audited reads
 * before the list is answered.
 */
export async function caseload(deps: AppDeps, actor: Actor): Promise<string> {
  const { json, patientIds } = await keptOrReadCaseload(deps, actor);
  // One list event with the patients listed (issue 19), so the list appears in each one's access report.
  await deps.audit.recordListRead(actor.clinicId, actor, {
    action: 'caseload.read',
    resourceType: 'caseload',
    resourceId: null,
    patientIds,
  });
  return json;
}

/**
 * The kept answer while the clinic's roster version is the one it was read under (caseload-cache.ts, issue
 * 19); otherwise a read job, whose answer is kept. One primary-key read of the version on the main thread.
 */
async function keptOrReadCaseload(deps: AppDeps, actor: Actor): Promise<KeptCaseload> {
  const cache = caseloadCacheOf(deps.database);
  const current = await repo.caseloadVersionOf(deps.database.db, actor.clinicId);
  const kept = cache.get(actor.clinicId, actor.userId, current);
  if (kept) return kept;
  const read = await deps.reads.run('caseloadRead', { clinicId: actor.clinicId, userId: actor.userId });
  cache.keep(actor.clinicId, actor.userId, read);
  return read;
}
