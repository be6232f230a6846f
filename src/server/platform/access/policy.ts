import type { Db } from '../../db/database.js';
import type { CareTeamRole, Role } from '../../../shared/access/roles.js';

/**
 * Every route declares who may call it (deny by default), and the gate in front of every route enforces
 * it (platform/access/gate.ts) before the body is even validated. Kinds of policy:
 * - public: anyone, signed in or not
 * - signed-in: any active account
 * - roles: only these roles; others get 403 (nothing patient-specific is named by the route)
 * - patient: a route under /patients/:patientId. Who reaches the record: the listed roles, and of those
 *   a patient only their own record and a clinician only while on the patient's care team; everyone else
 *   gets 404, exactly like an unknown id. `only` narrows who may take the action among those who reach
 *   the record (they know it exists, so they are told: 403).
 * Every refusal is audited (a denied event on the patient when the id is a real patient of the clinic).
 */
export type Policy =
  | { access: 'public' }
  | { access: 'signed-in' }
  | { access: 'roles'; roles: readonly Role[]; refusal?: Refusal }
  | PatientPolicy;

export interface PatientPolicy {
  access: 'patient';
  roles: readonly Role[];
  only?: { anyOf: readonly PatientRule[]; refusal: Refusal };
}

/** What a refused caller is told (403). `details` keeps the shape each feature's screens already read. */
export interface Refusal {
  message: string;
  details?: unknown;
}

/**
 * Finds the author of the record the URL names (e.g. a note): its user id, or undefined when there is no
 * such record on this patient (the use case then answers 404 itself). SQL lives in the feature's repository.
 */
export type AuthorResolver = (
  db: Db,
  clinicId: string,
  params: Readonly<Record<string, string>>,
) => Promise<string | undefined>;

/**
 * Finds the accounts the record the URL names is between (e.g. a consult's asking and asked clinicians), or
 * undefined when there is no such record on this patient (the use case then answers 404 itself).
 */
export type PartiesResolver = (
  db: Db,
  clinicId: string,
  params: Readonly<Record<string, string>>,
) => Promise<readonly string[] | undefined>;

/** One way to be allowed among those who reach the patient's record; a policy allows any of its rules. */
export type PatientRule =
  | { who: 'self' }
  | { who: 'team'; teamRoles: readonly CareTeamRole[] }
  | { who: 'author'; resolver: AuthorResolver }
  | { who: 'party'; resolver: PartiesResolver };

const careTeamRoles = ['therapist', 'prescriber', 'care_manager'] as const;

export const policies = {
  public: { access: 'public' },
  signedIn: { access: 'signed-in' },
  admin: { access: 'roles', roles: ['admin'] },
  clinician: { access: 'roles', roles: careTeamRoles },
  careTeam: { access: 'patient', roles: careTeamRoles },
  careTeamOrPatient: { access: 'patient', roles: [...careTeamRoles, 'patient'] },
} as const satisfies Record<string, Policy>;

/** The rules a patient policy can combine. */
export const rules = {
  /** The patient themself (their own record). */
  self: { who: 'self' },
  /** A member of this patient's care team holding one of these team roles (e.g. the prescriber). */
  team: (...teamRoles: readonly CareTeamRole[]): PatientRule => ({ who: 'team', teamRoles }),
  /** Any member of this patient's care team. */
  anyTeamMember: { who: 'team', teamRoles: careTeamRoles },
  /** The clinician who wrote the record the URL names. */
  author: (resolver: AuthorResolver): PatientRule => ({ who: 'author', resolver }),
  /** One of the clinicians the record the URL names is between (a consult's two sides). */
  party: (resolver: PartiesResolver): PatientRule => ({ who: 'party', resolver }),
} as const satisfies Record<string, PatientRule | ((...args: never[]) => PatientRule)>;

/** The patient's care team and the patient themself reach the record; only `anyOf` may take the action. */
export function onlyFor(anyOf: readonly PatientRule[], refusal: Refusal): PatientPolicy {
  return { ...policies.careTeamOrPatient, only: { anyOf, refusal } };
}

/** The care team reaches the record (the patient gets 404); only `anyOf` of the team may take the action. */
export function onlyOfTeam(anyOf: readonly PatientRule[], refusal: Refusal): PatientPolicy {
  return { ...policies.careTeam, only: { anyOf, refusal } };
}

/** Only these roles; the others are told why (403). */
export function onlyRoles(roles: readonly Role[], refusal: Refusal): Policy {
  return { access: 'roles', roles, refusal };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
