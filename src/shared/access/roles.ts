import { z } from 'zod';

export const roles = ['admin', 'therapist', 'prescriber', 'care_manager', 'patient'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles that can sit on a patient's care team. */
export const careTeamRoles = ['therapist', 'prescriber', 'care_manager'] as const;
export const careTeamRoleSchema = z.enum(careTeamRoles);
export type CareTeamRole = z.infer<typeof careTeamRoleSchema>;

export const clinicianRoles: readonly Role[] = careTeamRoles;

export function isClinician(role: Role): role is CareTeamRole {
  return (careTeamRoles as readonly string[]).includes(role);
}

export const roleLabels: Record<Role, string> = {
  admin: 'Clinic admin',
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  care_manager: 'Care manager',
  patient: 'Patient',
};
