import { z } from 'zod';
import { careTeamRoleSchema } from '../access/roles.js';

/**
 * Deactivating a clinician leaves no patient behind (issue 15): the admin sees whose care team the person
 * is on and which open alerts are routed to them, and chooses for each patient a replacement or an
 * explicit "leave unassigned" with a reason.
 */
export const deactivationImpactSchema = z.object({
  patients: z.array(
    z.object({
      patientId: z.string(),
      name: z.string(),
      role: careTeamRoleSchema,
      /** No one else on this patient's team holds the role. */
      onlyOneInRole: z.boolean(),
      openAlerts: z.number().int().nonnegative(),
    }),
  ),
  openAlerts: z.number().int().nonnegative(),
});
export type DeactivationImpact = z.infer<typeof deactivationImpactSchema>;

/** Product policy (issue 15): a reason for leaving a patient without this clinician is at least 5 characters. */
export const LEAVE_UNASSIGNED_REASON_MIN = 5;

export const deactivationAssignmentSchema = z.object({
  patientId: z.string().min(1).max(64),
  role: careTeamRoleSchema,
  replacementUserId: z.string().min(1).max(64).optional(),
  leaveUnassigned: z.boolean().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type DeactivationAssignment = z.infer<typeof deactivationAssignmentSchema>;

/** No body (or null) is the same as no choices: enough for someone on no care team. */
export const deactivateRequestSchema = z
  .object({ assignments: z.array(deactivationAssignmentSchema).max(500) })
  .nullish()
  .transform((body) => ({ assignments: body?.assignments ?? [] }));
export type DeactivateRequest = z.input<typeof deactivateRequestSchema>;
