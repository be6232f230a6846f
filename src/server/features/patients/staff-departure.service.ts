import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import type { CareTeamRole } from '../../../shared/access/roles.js';
import type { StaffUser } from '../../../shared/accounts/schemas.js';
import {
  LEAVE_UNASSIGNED_REASON_MIN,
  type DeactivationAssignment,
  type DeactivationImpact,
} from '../../../shared/accounts/deactivation.js';
import * as accounts from '../accounts/index.js';
import * as alerts from '../alerts/index.js';
import * as repo from './patients.repository.js';
import { applyTeam } from './care-team.js';

type Problem = { path: string; message: string };

/** The patients whose care team this person is on (role, sole holder of it) and the open alerts routed to them. */
async function impactOf(db: Db, clinicId: string, userId: string): Promise<DeactivationImpact> {
  const caseload = await repo.caseloadOf(db, clinicId, userId);
  const teams = await repo.careTeamsOfCaseload(db, clinicId, userId);
  const open = await alerts.openAlertsRoutedTo(db, clinicId, userId);
  return {
    patients: caseload.map((p) => ({
      patientId: p.id,
      name: `${p.given_name} ${p.family_name}`,
      role: p.role as CareTeamRole,
      onlyOneInRole: !teams.some((m) => m.patient_id === p.id && m.role === p.role && m.user_id !== userId),
      openAlerts: open.filter((a) => a.patientId === p.id).length,
    })),
    openAlerts: open.length,
  };
}

/** What deactivating this person leaves behind (issue 15); each patient shown is audited as a read. */
export async function deactivationImpact(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<DeactivationImpact> {
  await accounts.staffToDeactivate(deps.database.db, actor, userId);
  const impact = await impactOf(deps.database.db, actor.clinicId, userId);
  // One list event naming the patients shown (issue 19: in each one's access report); none when there are none.
  if (impact.patients.length > 0)
    await deps.audit.recordListRead(actor.clinicId, actor, {
      action: 'user.deactivation_impact',
      resourceType: 'user',
      resourceId: userId,
      patientIds: impact.patients.map((p) => p.patientId),
    });
  return impact;
}

/** Every patient left behind needs a choice: a fitting replacement, or "leave unassigned" with a reason. */
async function checkChoices(
  db: Db,
  clinicId: string,
  userId: string,
  impact: DeactivationImpact,
  assignments: DeactivationAssignment[],
): Promise<Problem[]> {
  const wanted = assignments.flatMap((a) => (a.replacementUserId ? [a.replacementUserId] : []));
  const users = await accounts.findUsers(db, clinicId, [...new Set(wanted)]);
  const problems: Problem[] = [];
  impact.patients.forEach((p, i) => {
    const path = `body.assignments.${String(i)}`;
    const choice = assignments.find((a) => a.patientId === p.patientId && a.role === p.role);
    if (!choice) {
      problems.push({
        path,
        message: `Choose who takes over for ${p.name}, or leave unassigned with a reason`,
      });
      return;
    }
    if (choice.replacementUserId !== undefined && choice.leaveUnassigned === true) {
      problems.push({ path, message: 'Choose a replacement or leave unassigned, not both' });
    } else if (choice.replacementUserId !== undefined) {
      const user = users.find((u) => u.id === choice.replacementUserId);
      if (!user || user.status !== 'active' || user.id === userId)
        problems.push({ path: `${path}.replacementUserId`, message: 'Not an active member of this clinic' });
      else if (user.role !== p.role)
        problems.push({
          path: `${path}.replacementUserId`,
          message: `${user.name} is not a ${p.role.replace('_', ' ')}`,
        });
    } else if (choice.leaveUnassigned === true) {
      if ((choice.reason ?? '').length < LEAVE_UNASSIGNED_REASON_MIN)
        problems.push({
          path: `${path}.reason`,
          message: `Give a reason (at least ${String(LEAVE_UNASSIGNED_REASON_MIN)} characters)`,
        });
    } else {
      problems.push({
        path,
        message: `Choose who takes over for ${p.name}, or leave unassigned with a reason`,
      });
    }
  });
  // The request's own rows must name patients on the list: an unknown one is the admin's mistake, not ignored.
  assignments.forEach((a, i) => {
    if (!impact.patients.some((p) => p.patientId === a.patientId && p.role === a.role))
      problems.push({
        path: `body.assignments.${String(i)}.patientId`,
        message: 'This person is not on that patient’s care team in that role',
      });
  });
  return problems;
}

/**
 * Deactivates a staff member (issue 15). In one transaction: each patient's care team loses the person and
 * gains the chosen replacement (or is left without them, with the reason audited), the open alerts routed to
 * them move to the replacement (or stay with the rest of the team), then the account is deactivated.
 */
export async function deactivateStaff(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  assignments: DeactivationAssignment[],
): Promise<StaffUser> {
  const now = deps.clock.now();
  await deps.database.transaction(async (trx) => {
    await accounts.staffToDeactivate(trx, actor, userId);
    const impact = await impactOf(trx, actor.clinicId, userId);
    const problems = await checkChoices(trx, actor.clinicId, userId, impact, assignments);
    if (problems.length > 0)
      throw new AppError(
        'validation_failed',
        'Choose, for each patient, who takes over or why they are left unassigned.',
        problems,
      );
    const open = await alerts.openAlertsRoutedTo(trx, actor.clinicId, userId);
    for (const p of impact.patients) {
      const choice = assignments.find((a) => a.patientId === p.patientId && a.role === p.role);
      const current = (await repo.careTeamOf(trx, actor.clinicId, p.patientId)).map((m) => ({
        userId: m.user_id,
        role: m.role as CareTeamRole,
      }));
      const replacement = choice?.replacementUserId;
      const wanted = current.filter((m) => !(m.userId === userId && m.role === p.role));
      if (replacement && !wanted.some((m) => m.userId === replacement && m.role === p.role))
        wanted.push({ userId: replacement, role: p.role });
      const patient = await repo.findPatient(trx, actor.clinicId, p.patientId);
      if (!patient) continue;
      await repo.bumpCareTeamVersion(trx, actor.clinicId, p.patientId, patient.care_team_version, now);
      // The reason of "leave unassigned" is kept on the removal: the team sees it until the role is taken.
      const reason = replacement ? null : (choice?.reason ?? null);
      await applyTeam(trx, actor, p.patientId, current, wanted, now, reason);
      if (replacement)
        await alerts.rerouteAlerts(
          trx,
          actor.clinicId,
          open.filter((a) => a.patientId === p.patientId).map((a) => a.alertId),
          userId,
          { userId: replacement, role: p.role },
          now,
        );
      await deps.audit.record(trx, actor.clinicId, actor, {
        action: replacement ? 'care_team.reassign' : 'care_team.leave_unassigned',
        resourceType: 'user',
        resourceId: userId,
        patientId: p.patientId,
        outcome: 'allowed',
      });
    }
    await accounts.deactivateAccount(trx, deps, actor, userId);
  });
  return accounts.requireStaff(deps, actor, userId);
}
