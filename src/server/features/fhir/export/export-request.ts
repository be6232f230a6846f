import type { FhirResourceType } from '../../../../shared/fhir/scopes.js';

/**
 * Reading a Bulk Data kick-off request (FHIR Bulk Data Access IG v2.0.0, "Bulk Data Kick-off Request",
 * hl7.org/fhir/uv/bulkdata/export.html): pure, so its rules are table-tested (export-request.test.ts).
 */

export type ExportLevel = 'system' | 'group' | 'patient';

/** What each level exports, in file order. Patient and Group (the clinic) default to the Patient compartment. */
export const exportableTypes: readonly FhirResourceType[] = [
  'Organization',
  'Practitioner',
  'Questionnaire',
  'Patient',
  'CareTeam',
  'QuestionnaireResponse',
  'Observation',
  'MedicationRequest',
  'Appointment',
  'PractitionerRole',
  'Encounter',
  'CarePlan',
  'Goal',
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Communication',
  'AuditEvent',
];
const compartmentTypes: readonly FhirResourceType[] = [
  'Patient',
  'CareTeam',
  'QuestionnaireResponse',
  'Observation',
  'MedicationRequest',
  'Appointment',
  'Encounter',
  'CarePlan',
  'Goal',
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Communication',
  'AuditEvent',
];

/** `_outputFormat` values the IG names for NDJSON (the only format Duet writes). */
const ndjsonFormats = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

/** Kick-off parameters of the IG that Duet does not support (refused unless `Prefer: handling=lenient`). */
const knownUnsupported = ['_typeFilter', '_elements', 'patient', 'includeAssociatedData'];

export interface ExportRequest {
  /** The types asked for (`_type`), or null for every type the token may read. */
  types: FhirResourceType[] | null;
  /** `_since` as epoch ms, or null. */
  since: number | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: 400; message: string; at: string };

const fail = (message: string, at: string): Parsed<never> => ({ ok: false, status: 400, message, at });

/** FHIR `instant`: a time to the second with a zone (hl7.org/fhir/R4/datatypes.html#instant). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

const valuesOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** The kick-off query and headers, read as the IG says; the first fault is named with its parameter. */
export function readExportRequest(
  query: Record<string, unknown>,
  headers: { prefer?: string | undefined; accept?: string | undefined },
): Parsed<ExportRequest> {
  const prefer = (headers.prefer ?? '').split(',').map((p) => p.trim().toLowerCase());
  if (!prefer.includes('respond-async'))
    return fail('A bulk export runs asynchronously: send Prefer: respond-async.', 'Prefer');
  const accept = headers.accept;
  if (accept !== undefined && !/application\/fhir\+json|application\/json|\*\/\*/.test(accept))
    return fail('The kick-off answers application/fhir+json (send that in Accept, or no Accept).', 'Accept');
  const lenient = prefer.includes('handling=lenient');
  let types: FhirResourceType[] | null = null;
  let since: number | null = null;
  for (const [name, raw] of Object.entries(query)) {
    const values = valuesOf(raw);
    if (name === '_outputFormat') {
      const bad = values.find((v) => !ndjsonFormats.includes(v));
      if (bad !== undefined)
        return fail(`_outputFormat ${bad} is not supported: Duet writes application/fhir+ndjson.`, name);
    } else if (name === '_type') {
      // Repeated `_type` parameters and comma lists are one list (IG: "repeated parameters").
      const named = values.flatMap((v) => v.split(',')).map((t) => t.trim());
      const unknown = named.find((t) => !(exportableTypes as readonly string[]).includes(t));
      if (unknown !== undefined)
        return fail(`${unknown === '' ? 'An empty type' : unknown} is not a type Duet exports.`, name);
      const list = named as FhirResourceType[];
      types = exportableTypes.filter((t) => list.includes(t) || (types?.includes(t) ?? false));
    } else if (name === '_since') {
      if (values.length !== 1) return fail('Send _since once.', name);
      const text = values[0] ?? '';
      const at = INSTANT.test(text) ? Date.parse(text) : Number.NaN;
      if (Number.isNaN(at))
        return fail('_since is a FHIR instant with a time zone, e.g. 2026-01-01T00:00:00Z.', name);
      since = at;
    } else if (!lenient) {
      return fail(
        knownUnsupported.includes(name)
          ? `${name} is not supported by this server (send Prefer: handling=lenient to have it ignored).`
          : `${name} is not a kick-off parameter of $export.`,
        name,
      );
    }
  }
  return { ok: true, value: { types, since } };
}

/** The default types of a level (without `_type`). */
export const defaultTypes = (level: ExportLevel): readonly FhirResourceType[] =>
  level === 'system' ? exportableTypes : compartmentTypes;

/** A keyed progress line for `X-Progress` (the IG leaves its wording to the server). */
export function progressText(resources: number, type: string | null): string {
  return type === null
    ? `${String(resources)} resources written`
    : `${String(resources)} resources written; now ${type}`;
}
