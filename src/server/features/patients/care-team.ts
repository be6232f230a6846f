import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CareTeamRole } from '../../../shared/access/roles.js';
import * as accounts from '../accounts/index.js';
import * as repo from './patients.repository.js';
import { forgetPatientBasics } from '../../platform/patients/patient-basics.js';

export interface Assignment {
  userId: string;
  role: CareTeamRole;
}

/** Every member must be a current member of this clinic whose account role matches the team role. */
export async function assertAssignable(db: Db, clinicId: string, members: Assignment[]): Promise<void> {
  const users = await accounts.findUsers(db, clinicId, [...new Set(members.map((m) => m.userId))]);
  const problems = members.flatMap((m, i) => {
    const user = users.find((u) => u.id === m.userId);
    if (!user || user.status === 'deactivated')
      return [{ path: `body.careTeam.${String(i)}.userId`, message: 'Not an active member of this clinic' }];
    if (user.role !== m.role)
      return [
        {
          path: `body.careTeam.${String(i)}.role`,
          message: `${user.name} is not a ${m.role.replace('_', ' ')}`,
        },
      ];
    return [];
  });
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      'The care team lists someone who cannot take that role.',
      problems,
    );
}

/** Applies the difference between the current team and the wanted one, recording each change. */
export async function applyTeam(
  db: Db,
  actor: Actor,
  patientId: string,
  current: Assignment[],
  wanted: Assignment[],
  now: number,
  /** Why a removed role is left without anyone (issue 15: a departure's "leave unassigned"). */
  removalReason: string | null = null,
): Promise<{ added: number; removed: number }> {
  const key = (a: Assignment) => `${a.userId}:${a.role}`;
  const currentKeys = new Set(current.map(key));
  const wantedKeys = new Set(wanted.map(key));
  const toAdd = wanted.filter((a) => !currentKeys.has(key(a)));
  const toRemove = current.filter((a) => !wantedKeys.has(key(a)));
  const record = (a: Assignment, change: 'added' | 'removed') =>
    repo.insertChange(db, {
      id: newId(),
      clinic_id: actor.clinicId,
      patient_id: patientId,
      user_id: a.userId,
      role: a.role,
      change,
      by_user_id: actor.userId,
      at: now,
      reason: change === 'removed' ? removalReason : null,
    });
  for (const a of toRemove) {
    await repo.removeMember(db, actor.clinicId, patientId, a.userId, a.role);
    await record(a, 'removed');
  }
  for (const a of toAdd) {
    await repo.addMember(db, {
      clinic_id: actor.clinicId,
      patient_id: patientId,
      user_id: a.userId,
      role: a.role,
      added_at: now,
      added_by: actor.userId,
    });
    await record(a, 'added');
  }
  if (toAdd.length + toRemove.length > 0) forgetPatientBasics(actor.clinicId, patientId);
  return { added: toAdd.length, removed: toRemove.length };
}
