// The crisis-resource editor's form state (strings while typing) and its conversion and checks, which use
// the same zod schema as the server so a field shows its error before saving.
import {
  clinicCrisisResourceInputSchema,
  type ClinicCrisisResource,
  type CrisisResource,
  type CrisisResourceKind,
} from '../../../shared/crisis/schemas';
import { schemaErrors, serverErrors } from '../../lib/schema-form';

export type ResourceForm = {
  key: string;
  kind: CrisisResourceKind;
  name: string;
  phone: string;
  otherPhones: string;
  sms: string;
  smsKeyword: string;
  web: string;
  hours: string;
  languages: string;
  note: string;
  lastVerified: string;
  source: string;
};
export type ResourceField = Exclude<keyof ResourceForm, 'key'>;
export type ResourceErrors = Partial<Record<ResourceField, string>>;

let counter = 0;
const nextKey = () => `entry-${String(++counter)}`;

export function formFrom(resource: CrisisResource): ResourceForm {
  return {
    key: nextKey(),
    kind: resource.kind,
    name: resource.name,
    phone: resource.phone ?? '',
    otherPhones: resource.otherPhones.join(', '),
    sms: resource.sms ?? '',
    smsKeyword: resource.smsKeyword ?? '',
    web: resource.web ?? '',
    hours: resource.hours ?? '',
    languages: resource.languages.join(', '),
    note: resource.note ?? '',
    lastVerified: resource.lastVerified,
    source: resource.source ?? '',
  };
}

export function emptyForm(today: string): ResourceForm {
  return {
    key: nextKey(),
    kind: 'crisis_line',
    name: '',
    phone: '',
    otherPhones: '',
    sms: '',
    smsKeyword: '',
    web: '',
    hours: '',
    languages: '',
    note: '',
    lastVerified: today,
    source: '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** What the API receives for one entry (the clinic's country is filled in by the server). */
export function payloadFrom(form: ResourceForm, country: string) {
  return {
    country,
    kind: form.kind,
    name: form.name.trim(),
    phone: orNull(form.phone),
    otherPhones: list(form.otherPhones),
    sms: orNull(form.sms),
    smsKeyword: orNull(form.smsKeyword),
    web: orNull(form.web),
    hours: orNull(form.hours),
    languages: list(form.languages),
    note: orNull(form.note),
    lastVerified: form.lastVerified,
    source: orNull(form.source),
  };
}

const RESOURCE_FIELDS: readonly ResourceField[] = [
  'kind',
  'name',
  'phone',
  'otherPhones',
  'sms',
  'smsKeyword',
  'web',
  'hours',
  'languages',
  'note',
  'lastVerified',
  'source',
];

function pickFields(errors: Record<string, string>, prefix: string): ResourceErrors {
  const picked: ResourceErrors = {};
  for (const field of RESOURCE_FIELDS) {
    const message = errors[prefix + field];
    if (message !== undefined) picked[field] = message;
  }
  return picked;
}

/** The error of each field of one entry, from the shared schema (filed as the form hook files them); {} when valid. */
export function resourceErrors(form: ResourceForm, country: string): ResourceErrors {
  return pickFields(schemaErrors(clinicCrisisResourceInputSchema, payloadFrom(form, country)), '');
}

/** Field errors from the server's 400, by entry index ("body.crisisResources.2.phone"). */
export function serverEntryErrors(error: unknown): {
  country?: string;
  entries: Record<number, ResourceErrors>;
} {
  const errors = serverErrors(error);
  const result: { country?: string; entries: Record<number, ResourceErrors> } = { entries: {} };
  for (const key of Object.keys(errors)) {
    const entry = /^crisisResources\.(\d+)$/.exec(key);
    if (entry?.[1] === undefined) continue;
    const fields = pickFields(errors, `${key}.`);
    if (Object.keys(fields).length > 0) result.entries[Number(entry[1])] = fields;
  }
  const country = Object.entries(errors).find(
    ([key]) => /(^|\.)country$/.test(key) && !/^crisisResources\.\d+\./.test(key),
  );
  if (country) result.country = country[1];
  return result;
}

/** Entries for other countries than the one being edited, kept as they are on save. */
export function otherCountries(
  resources: readonly ClinicCrisisResource[],
  country: string,
): ClinicCrisisResource[] {
  return resources.filter((r) => r.country !== country);
}
