import type { Patient } from '@medplum/fhirtypes';
import { IDENTIFIER_TYPE, URI_SYSTEM, meta, ref, type MappingContext } from './common.js';

/** US Core 6.1 Patient profile (hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-patient.html). */
export const US_CORE_PATIENT = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';

export interface PatientInput {
  id: string;
  clinicId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  phone: string | null;
  medicalRecordNumber: string | null;
  version: number;
  updatedAt: number;
}

/** The identifier system of a clinic's medical record numbers (the clinic's own numbering). */
export const mrnSystem = (ctx: MappingContext, clinicId: string) =>
  `${ctx.base}/Organization/${clinicId}/mrn`;

/**
 * A patient record as a US Core Patient. Duet does not record sex or gender, so `gender` (1..1 in US Core) is
 * `unknown`, the code FHIR gives for exactly this (administrative-gender).
 */
export function toPatient(p: PatientInput, ctx: MappingContext): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: meta(p.version, p.updatedAt, US_CORE_PATIENT),
    identifier: [
      { system: URI_SYSTEM, value: `urn:uuid:${p.id}` },
      ...(p.medicalRecordNumber
        ? [
            {
              use: 'usual' as const,
              type: { coding: [{ system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
              system: mrnSystem(ctx, p.clinicId),
              value: p.medicalRecordNumber,
            },
          ]
        : []),
    ],
    active: true,
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    telecom: [
      { system: 'email', value: p.email },
      ...(p.phone ? [{ system: 'phone' as const, value: p.phone }] : []),
    ],
    gender: 'unknown',
    birthDate: p.birthDate,
    managingOrganization: ref('Organization', p.clinicId),
  };
}

/** The demographics a Patient carries, read back (the fields Duet keeps); null names what is missing. */
export function fromPatient(
  r: Patient,
  ctx: MappingContext,
  clinicId: string,
):
  | { ok: true; value: Omit<PatientInput, 'id' | 'version' | 'updatedAt' | 'clinicId'> }
  | { ok: false; path: string } {
  const name = r.name?.find((n) => n.use === 'official') ?? r.name?.[0];
  const given = name?.given?.[0];
  if (!name?.family) return { ok: false, path: 'Patient.name[0].family' };
  if (!given) return { ok: false, path: 'Patient.name[0].given[0]' };
  if (!r.birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(r.birthDate))
    return { ok: false, path: 'Patient.birthDate' };
  const email = r.telecom?.find((t) => t.system === 'email')?.value;
  if (!email) return { ok: false, path: 'Patient.telecom' };
  return {
    ok: true,
    value: {
      givenName: given,
      familyName: name.family,
      birthDate: r.birthDate,
      email,
      phone: r.telecom?.find((t) => t.system === 'phone')?.value ?? null,
      medicalRecordNumber: r.identifier?.find((i) => i.system === mrnSystem(ctx, clinicId))?.value ?? null,
    },
  };
}
