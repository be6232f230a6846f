// The patient-details form state (all strings while typing) and its conversions.
import type { PatientDetails } from '../../../shared/patients/api';
import { calendarDaySchema, newPatientSchema, patientDetailsSchema } from '../../../shared/patients/schemas';
import { browserTimeZone } from '../../components/format';

export type DetailsForm = {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  phone: string;
  timeZone: string;
  medicalRecordNumber: string;
  /** '' = the clinic's country. */
  country: string;
};

export function emptyDetailsForm(): DetailsForm {
  return {
    givenName: '',
    familyName: '',
    birthDate: '',
    email: '',
    phone: '',
    timeZone: browserTimeZone(),
    medicalRecordNumber: '',
    country: '',
  };
}

export function detailsFormFrom(details: PatientDetails): DetailsForm {
  return {
    givenName: details.givenName,
    familyName: details.familyName,
    birthDate: details.birthDate,
    email: details.email,
    phone: details.phone ?? '',
    timeZone: details.timeZone,
    medicalRecordNumber: details.medicalRecordNumber ?? '',
    country: details.country ?? '',
  };
}

export function detailsFromForm(form: DetailsForm): PatientDetails {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    givenName: form.givenName.trim(),
    familyName: form.familyName.trim(),
    birthDate: form.birthDate,
    email: form.email.trim(),
    phone: optional(form.phone),
    timeZone: form.timeZone,
    medicalRecordNumber: optional(form.medicalRecordNumber),
    country: form.country === '' ? null : form.country,
  };
}

/**
 * The birth-date rule the service adds to the shared schema (patients.service.ts: not after today), checked in
 * the browser with the same words so the field shows it before saving.
 */
export function birthDateUpTo(today: string) {
  return calendarDaySchema.refine((day) => day <= today, 'The date of birth cannot be in the future.');
}

/** The enrolment request's schema (the route's `newPatientSchema`) with the service's not-in-the-future rule. */
export const enrolSchema = (today: string) => newPatientSchema.extend({ birthDate: birthDateUpTo(today) });

/** The edited details' schema (the shared details the update route takes part of) with the same rule. */
export const detailsSchema = (today: string) =>
  patientDetailsSchema.extend({ birthDate: birthDateUpTo(today) });

/** The fields that differ between two versions of the details, for display. */
export function changedFields(before: PatientDetails, after: PatientDetails): (keyof PatientDetails)[] {
  const keys: (keyof PatientDetails)[] = [
    'givenName',
    'familyName',
    'birthDate',
    'email',
    'phone',
    'timeZone',
    'medicalRecordNumber',
    'country',
  ];
  return keys.filter((key) => before[key] !== after[key]);
}

export const DETAIL_LABELS: Record<keyof PatientDetails, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  birthDate: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  timeZone: 'Time zone',
  medicalRecordNumber: 'MRN',
  country: 'Country',
};
