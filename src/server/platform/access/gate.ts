import type { Actor } from '../auth/actor.js';
import type { AppDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import type { PatientPolicy, PatientRule, Policy } from './policy.js';
import { canReachPatient, recordDeniedApart, teamRolesOf } from './patient-access.js';
import { isClinician } from '../../../shared/access/roles.js';

type Params = Readonly<Record<string, string>>;

/** The denied event a refusal at the gate leaves (the shape the access report reads). */
const gateAction = { action: 'patient.access', resourceType: 'patient' };

/**
 * The one place a route's declared policy is enforced, for a signed-in caller whose CSRF token has been
 * checked: roles (403), the patient's record (404 outside one's reach), then the policy's `only` rules
 * (403). Every refusal is audited in its own transaction before the answer.
 */
export async function enforceDeclaredPolicy(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  policy: Exclude<Policy, { access: 'public' } | { access: 'signed-in' }>,
  params: Params,
  route: string,
): Promise<void> {
  if (policy.access === 'roles') {
    if (policy.roles.includes(actor.role)) return;
    await deps.audit.recordRead(actor.clinicId, actor, {
      action: 'route.access',
      resourceType: 'route',
      resourceId: route,
      patientId: null,
      outcome: 'denied',
    });
    const refusal = policy.refusal ?? { message: 'Your role cannot do this.' };
    throw new AppError('forbidden', refusal.message, refusal.details);
  }
  await enforcePatientPolicy(deps, actor, policy, params);
}

async function enforcePatientPolicy(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  policy: PatientPolicy,
  params: Params,
): Promise<void> {
  const db = deps.database.db;
  const patientId = params.patientId ?? '';
  const reachable = policy.roles.includes(actor.role) && (await canReachPatient(db, actor, patientId));
  if (!reachable) {
    await recordDeniedApart(deps, actor, patientId, gateAction);
    throw notFound('Patient');
  }
  if (!policy.only) return;
  for (const rule of policy.only.anyOf) if (await satisfies(deps, actor, rule, params)) return;
  await recordDeniedApart(deps, actor, patientId, gateAction);
  throw new AppError('forbidden', policy.only.refusal.message, policy.only.refusal.details);
}

/** On the patient's care team: a clinician who reaches the record (the gate's answer, kept for the request). */
async function onTeam(deps: Pick<AppDeps, 'database'>, actor: Actor, patientId: string): Promise<boolean> {
  return isClinician(actor.role) && (await canReachPatient(deps.database.db, actor, patientId));
}

/** Whether the caller (who reaches this patient's record) meets one rule. */
async function satisfies(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  rule: PatientRule,
  params: Params,
): Promise<boolean> {
  const patientId = params.patientId ?? '';
  switch (rule.who) {
    case 'self':
      return actor.role === 'patient' && actor.patientId === patientId;
    case 'team': {
      // A team role is held by an account of that role (care-team rules): both must match.
      const held = await teamRolesOf(deps.database.db, actor, patientId);
      return held.some((r) => r === actor.role && (rule.teamRoles as readonly string[]).includes(r));
    }
    case 'author': {
      if (!(await onTeam(deps, actor, patientId))) return false;
      const author = await rule.resolver(deps.database.db, actor.clinicId, params);
      // No such record: the use case answers 404 itself, as for any unknown id.
      return author === undefined || author === actor.userId;
    }
    case 'party': {
      if (!(await onTeam(deps, actor, patientId))) return false;
      const parties = await rule.resolver(deps.database.db, actor.clinicId, params);
      return parties === undefined || parties.includes(actor.userId);
    }
  }
}
