// The patient-details form state (all strings while typing) and its conversions.
import type { PatientDetails } from '../../../shared/patients/api';
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

export type DetailsErrors = Partial<Record<keyof DetailsForm, string>>;

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

/** Input hints shown before submitting; the server validates again and has the last word. */
export function detailsErrors(form: DetailsForm, today: string): DetailsErrors {
  const errors: DetailsErrors = {};
  if (!form.givenName.trim()) errors.givenName = 'Enter the given name';
  if (!form.familyName.trim()) errors.familyName = 'Enter the family name';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.birthDate)) errors.birthDate = 'Enter the date of birth';
  else if (form.birthDate > today) errors.birthDate = 'The date of birth cannot be in the future';
  if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) errors.email = 'Enter an email address';
  if (!form.timeZone) errors.timeZone = 'Choose a time zone';
  return errors;
}

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
