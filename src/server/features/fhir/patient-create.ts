import type { Patient } from '@medplum/fhirtypes';
import { enrolPatient } from '../patients/index.js';
import { AppError } from '../../platform/errors.js';
import { careTeamRoleSchema } from '../../../shared/access/roles.js';
import { newPatientSchema } from '../../../shared/patients/schemas.js';
import { mrnSystem, toPatient } from '../../../shared/fhir/mappings/patient.js';
import { fromPatientToEnrol, type PatientPaths } from '../../../shared/fhir/mappings/patient-in.js';
import { FhirError } from './outcome.js';
import * as fhirRepo from './fhir.repository.js';
import * as repo from './patient-create.repository.js';
import {
  bodyOf,
  readResource,
  type ClientKey,
  type CreateResult,
  type WriteContext,
} from './writes.service.js';

/** A field of the enrolment (its zod or service path after `body.`) as the element of the Patient at fault. */
function elementOf(paths: PatientPaths, path: readonly PropertyKey[]): string {
  const [field, index] = path;
  if (field === 'careTeam') return paths.clinician(typeof index === 'number' ? index : Number(index ?? 0));
  const known = paths[field as Exclude<keyof PatientPaths, 'clinician'>] as string | undefined;
  return typeof known === 'string' ? known : 'Patient';
}

/** An enrolment refusal (AppError with `details: [{ path: 'body.x' }]`) as an OperationOutcome's issue. */
function asFhir(err: unknown, paths: PatientPaths): unknown {
  if (!(err instanceof AppError) || (err.code !== 'validation_failed' && err.code !== 'conflict')) return err;
  const detail = Array.isArray(err.details)
    ? (err.details[0] as { path?: string; message?: string } | undefined)
    : undefined;
  const path = (detail?.path ?? '').replace(/^body\./, '').split('.');
  const expression = elementOf(
    paths,
    path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  );
  const message = detail?.message ? `${err.message} ${detail.message}.` : err.message;
  return err.code === 'conflict'
    ? new FhirError(409, 'duplicate', message, expression)
    : new FhirError(422, 'invalid', message, expression);
}

const patientOfRow = (w: WriteContext, p: fhirRepo.PatientRow): Patient =>
  toPatient(
    {
      id: p.id,
      clinicId: p.clinic_id,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      email: p.email,
      phone: p.phone,
      medicalRecordNumber: p.medical_record_number,
      version: p.version,
      updatedAt: p.updated_at,
    },
    w,
  );

/** The care team the Patient names (generalPractitioner), each clinician in the role of their account. */
async function careTeamOf(w: WriteContext, ids: readonly (string | null)[], paths: PatientPaths) {
  const { client } = w;
  const bad = (i: number, message: string) => new FhirError(422, 'invalid', message, paths.clinician(i));
  if (ids.length === 0)
    throw new FhirError(
      422,
      'required',
      'Name the care team: generalPractitioner references to the Practitioners (clinicians) who treat the patient.',
      'Patient.generalPractitioner',
    );
  const members = await repo.membersOf(
    w.trx,
    client.clinicId,
    ids.flatMap((id) => (id === null ? [] : [id])),
  );
  return ids.map((id, i) => {
    if (id === null) throw bad(i, 'Reference a Practitioner (Practitioner/<id>).');
    // A client limited to some care teams enrols only onto its clinicians; any other id reads as unknown.
    const member = members.find((m) => m.id === id);
    const role = careTeamRoleSchema.safeParse(member?.role);
    if (!member || !role.success || (client.teamMemberIds !== null && !client.teamMemberIds.includes(id)))
      throw bad(i, `Practitioner/${id} is not a clinician this client can assign.`);
    return { userId: id, role: role.data };
  });
}

/**
 * Enrols a patient from a US Core Patient (patient-in.ts) through the patients feature's own enrolment, so
 * the same rules apply: the clinic, the care team roles (each clinician in the role of their account), the
 * MRN unique in the clinic, an invitation to the email (sent once the write has committed), the audit.
 * Idempotent on the MRN: `If-None-Exist: identifier=<mrn system>|<value>` answers 200 with the patient who
 * has it (when the client reaches them; otherwise the MRN is taken: 409).
 */
export async function writePatient(
  w: WriteContext,
  body: unknown,
  condition: ClientKey | null,
): Promise<CreateResult> {
  const { client } = w;
  const r = bodyOf<Patient>(body, 'Patient');
  const system = mrnSystem(w, client.clinicId);
  const { value, paths } = readResource('Patient', () => fromPatientToEnrol(r, system));
  if (condition) {
    if (condition.system !== undefined && condition.system !== system)
      throw new FhirError(
        400,
        'not-supported',
        `A Patient is created on condition of its medical record number: identifier=${system}|<value>.`,
        'If-None-Exist',
      );
    if (value.medicalRecordNumber !== null && value.medicalRecordNumber !== condition.value)
      throw new FhirError(
        422,
        'invalid',
        'The If-None-Exist identifier and the Patient’s medical record number differ.',
        paths.medicalRecordNumber,
      );
    const existing = await repo.patientIdByMrn(w.trx, client.clinicId, condition.value);
    if (existing) {
      const row = await fhirRepo.reachablePatient(w.trx, client.clinicId, client.teamMemberIds, existing.id);
      if (!row)
        throw new FhirError(
          409,
          'duplicate',
          'Another patient already has this medical record number.',
          paths.medicalRecordNumber,
        );
      return { created: false, resource: patientOfRow(w, row) };
    }
  }
  const careTeam = await careTeamOf(w, value.clinicians, paths);
  const parsed = newPatientSchema.safeParse({
    givenName: value.givenName,
    familyName: value.familyName,
    birthDate: value.birthDate,
    email: value.email,
    phone: value.phone,
    timeZone: value.timeZone,
    medicalRecordNumber: value.medicalRecordNumber ?? condition?.value ?? null,
    country: value.country,
    careTeam,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FhirError(
      422,
      issue?.code === 'invalid_type' ? 'required' : 'invalid',
      issue?.message ?? 'The Patient cannot be enrolled.',
      elementOf(paths, issue?.path ?? []),
    );
  }
  let overview;
  try {
    overview = await enrolPatient(w.bound, client.enteredBy, parsed.data);
  } catch (err) {
    throw asFhir(err, paths);
  }
  await w.deps.audit.record(w.trx, client.clinicId, client.actor, {
    action: w.action,
    resourceType: 'Patient',
    resourceId: overview.id,
    patientId: overview.id,
    outcome: 'allowed',
  });
  const row = await fhirRepo.reachablePatient(w.trx, client.clinicId, client.teamMemberIds, overview.id);
  if (!row) throw new Error('patient vanished inside its transaction');
  return { created: true, resource: patientOfRow(w, row) };
}
