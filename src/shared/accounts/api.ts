// The accounts API's types for the web client, inferred from the schemas the routes use (no copies).
import type { z } from 'zod';
import type { careTeamRoleSchema, roleSchema } from '../access/roles.js';
import type {
  accountStatusSchema,
  clinicianSchema,
  invitePreviewSchema,
  inviteStaffRequestSchema,
  mailSchema,
  sessionAnswerSchema,
  sessionUserSchema,
  staffRoleSchema,
  staffUserSchema,
} from './schemas.js';

export type Role = z.output<typeof roleSchema>;
export type CareTeamRole = z.output<typeof careTeamRoleSchema>;
export type StaffRole = z.output<typeof staffRoleSchema>;
export type SessionUser = z.output<typeof sessionUserSchema>;
export type SessionAnswer = z.output<typeof sessionAnswerSchema>;
export type Invite = z.output<typeof invitePreviewSchema>;
export type AccountStatus = z.output<typeof accountStatusSchema>;
export type StaffUser = z.output<typeof staffUserSchema>;
export type NewStaffInvite = z.input<typeof inviteStaffRequestSchema>;
export type Mail = z.output<typeof mailSchema>;
export type Clinician = z.output<typeof clinicianSchema>;
