/**
 * SMART App Launch v2 scopes for backend services (hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html,
 * "Scopes for requesting FHIR resources"): `system/<Type>.<permissions>` where the permissions are a subset of
 * `cruds` in that order, and `*` stands for every type. Duet grants only `system/` scopes to API clients: a
 * `patient/` or `user/` scope needs a launch context or a person signing in, which Duet does not offer yet.
 */

/** The resource types `/fhir/R4` serves (docs/fhir.md). */
export const fhirResourceTypes = [
  'Patient',
  'Practitioner',
  'Organization',
  'CareTeam',
  'Questionnaire',
  'QuestionnaireResponse',
  'Observation',
  'MedicationRequest',
  'Appointment',
  'PractitionerRole',
  'CarePlan',
  'Goal',
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Encounter',
  'Communication',
  'AuditEvent',
] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];

/**
 * The types an API client may create (docs/fhir.md "Writes"): scores from an EHR or a screening tool, a patient
 * to enrol, and current medications (MedicationRequest, inside a transaction Bundle only).
 */
export const creatableTypes: readonly FhirResourceType[] = [
  'Observation',
  'QuestionnaireResponse',
  'Patient',
  'MedicationRequest',
];

export type Permission = 'c' | 'r' | 's';

export interface Scope {
  /** A resource type, or '*' for every type. */
  type: FhirResourceType | '*';
  permissions: readonly Permission[];
}

export type ScopeParse = { ok: true; scopes: Scope[] } | { ok: false; scope: string; message: string };

const isType = (t: string): t is FhirResourceType => (fhirResourceTypes as readonly string[]).includes(t);

function parseOne(text: string): Scope | string {
  const match = /^([a-z]+)\/([A-Za-z*]+)\.([a-z]+)$/.exec(text);
  if (!match) return 'Write a scope as system/<Type>.<permissions>, e.g. system/Observation.rs.';
  const [, context = '', type = '', perms = ''] = match;
  if (context !== 'system')
    return 'Only system/ scopes can be granted to an API client (patient/ and user/ need a launch context).';
  if (type !== '*' && !isType(type)) return `${type} is not a resource type Duet serves.`;
  if (!/^c?r?u?d?s?$/.test(perms)) return 'Permissions are letters of "cruds", in that order (e.g. rs).';
  if (perms.includes('u') || perms.includes('d'))
    return 'Duet does not let API clients update or delete records (only c, r and s).';
  if (perms.includes('c') && type !== '*' && !creatableTypes.includes(type))
    return `API clients can create only ${creatableTypes.join(', ')}.`;
  const permissions = (['c', 'r', 's'] as const).filter((p) => perms.includes(p));
  return { type, permissions };
}

/** Parses a space-separated scope string; the first bad scope is named with why. An empty string is refused. */
export function parseScopes(text: string): ScopeParse {
  const parts = text.split(' ').filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, scope: '', message: 'Grant at least one scope.' };
  const scopes: Scope[] = [];
  for (const part of parts) {
    const one = parseOne(part);
    if (typeof one === 'string') return { ok: false, scope: part, message: one };
    scopes.push(one);
  }
  return { ok: true, scopes };
}

/** Whether the granted scopes allow this permission on this type (`*` covers every type). */
export function allows(scopes: readonly Scope[], type: FhirResourceType, permission: Permission): boolean {
  return scopes.some((s) => (s.type === '*' || s.type === type) && s.permissions.includes(permission));
}

/**
 * The scopes a token gets when the client asks for `requested` (RFC 6749 §3.3): each requested scope must be
 * covered by a granted one; null names the first that is not. No request: everything granted.
 */
export function narrowScopes(granted: readonly Scope[], requested: readonly Scope[]): Scope[] | null {
  for (const r of requested) {
    const covered = r.permissions.every((p) =>
      r.type === '*'
        ? granted.some((g) => g.type === '*' && g.permissions.includes(p))
        : allows(granted, r.type, p),
    );
    if (!covered) return null;
  }
  return [...requested];
}

export const formatScope = (s: Scope): string => `system/${s.type}.${s.permissions.join('')}`;
export const formatScopes = (scopes: readonly Scope[]): string => scopes.map(formatScope).join(' ');
