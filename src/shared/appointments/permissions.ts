import type { CareTeamRole, Role } from '../access/roles.js';
import type { AppointmentType } from './schemas.js';

/**
 * Who does what with appointments (issue 6). The type follows the role: the therapist books therapy
 * sessions, the prescriber books medication reviews. The care manager coordinates the team's calendar, so
 * they may book, move and cancel either type on behalf of the team member in that role; they do not record
 * attendance. Attendance is recorded by the clinician role that owns the type.
 */
export const ownerRoleOf: Record<AppointmentType, CareTeamRole> = {
  therapy_session: 'therapist',
  medication_review: 'prescriber',
};

export function bookableTypes(role: Role): AppointmentType[] {
  if (role === 'therapist') return ['therapy_session'];
  if (role === 'prescriber') return ['medication_review'];
  if (role === 'care_manager') return ['therapy_session', 'medication_review'];
  return [];
}

/** Moving and cancelling by a clinician: the same people who may book the type. */
export const canManage = (role: Role, type: AppointmentType): boolean => bookableTypes(role).includes(type);

export function attendanceTypes(role: Role): AppointmentType[] {
  if (role === 'therapist') return ['therapy_session'];
  if (role === 'prescriber') return ['medication_review'];
  return [];
}

/** The type a clinician books when they do not name one. */
export const defaultTypeFor = (role: Role): AppointmentType | null =>
  role === 'prescriber' ? 'medication_review' : role === 'therapist' ? 'therapy_session' : null;
