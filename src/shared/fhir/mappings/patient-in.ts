import type { Patient } from '@medplum/fhirtypes';
import { idOfReference } from './common.js';

/**
 * A Patient sent to be enrolled (issue 16, writes), read into the fields Duet's enrolment takes, with the
 * FHIRPath each came from so a refusal names the element. US Core Patient in: `name` (official, else the
 * first: `family` and `given[0]`), `birthDate`, the clinic's MRN `identifier` (its system, see
 * `mrnSystem`), `telecom` email (required: the patient signs in with it and gets the invitation) and phone,
 * `address[0].country` (ISO 3166-1 alpha-2, chooses the crisis numbers), the time zone as the FHIR core
 * extension `http://hl7.org/fhir/StructureDefinition/timezone` (`valueCode`, an IANA zone; required, since
 * reminders and the safety checks follow the patient's day), and the care team as `generalPractitioner`:
 * references to `Practitioner/<id>` of the clinic's clinicians, each taking the role of their account
 * (therapist, prescriber, care manager).
 */
export const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

export interface PatientToEnrol {
  givenName: string | undefined;
  familyName: string | undefined;
  birthDate: string | undefined;
  email: string | undefined;
  phone: string | null;
  medicalRecordNumber: string | null;
  timeZone: string | undefined;
  country: string | null;
  /** Practitioner ids from generalPractitioner, in order (null where the reference is not a Practitioner). */
  clinicians: (string | null)[];
}

/** Where each field came from in the resource (FHIRPath), for refusals. */
export interface PatientPaths {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  phone: string;
  medicalRecordNumber: string;
  timeZone: string;
  country: string;
  clinician: (index: number) => string;
}

export function fromPatientToEnrol(
  r: Patient,
  mrnSystem: string,
): { value: PatientToEnrol; paths: PatientPaths } {
  const nameIndex = Math.max(
    0,
    (r.name ?? []).findIndex((n) => n.use === 'official'),
  );
  const name = r.name?.[nameIndex];
  const telecom = r.telecom ?? [];
  const emailIndex = telecom.findIndex((t) => t.system === 'email');
  const phoneIndex = telecom.findIndex((t) => t.system === 'phone');
  const mrnIndex = (r.identifier ?? []).findIndex((i) => i.system === mrnSystem);
  const tzIndex = (r.extension ?? []).findIndex((e) => e.url === TIMEZONE_EXTENSION);
  const at = (i: number) => String(Math.max(0, i));
  return {
    value: {
      givenName: name?.given?.[0],
      familyName: name?.family,
      birthDate: r.birthDate,
      email: telecom[emailIndex]?.value,
      phone: telecom[phoneIndex]?.value ?? null,
      medicalRecordNumber: r.identifier?.[mrnIndex]?.value ?? null,
      timeZone: r.extension?.[tzIndex]?.valueCode,
      country: r.address?.[0]?.country ?? null,
      clinicians: (r.generalPractitioner ?? []).map((g) => idOfReference(g, 'Practitioner')),
    },
    paths: {
      givenName: `Patient.name[${String(nameIndex)}].given[0]`,
      familyName: `Patient.name[${String(nameIndex)}].family`,
      birthDate: 'Patient.birthDate',
      email: `Patient.telecom[${at(emailIndex)}]`,
      phone: `Patient.telecom[${at(phoneIndex)}]`,
      medicalRecordNumber: `Patient.identifier[${at(mrnIndex)}]`,
      timeZone: tzIndex < 0 ? 'Patient.extension' : `Patient.extension[${String(tzIndex)}].valueCode`,
      country: 'Patient.address[0].country',
      clinician: (i) => `Patient.generalPractitioner[${String(i)}]`,
    },
  };
}
