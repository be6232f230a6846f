import { z } from 'zod';
import { roleSchema } from '../access/roles.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  clinicId: z.string(),
  clinicName: z.string(),
  patientId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionAnswerSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  // Issue 13: the clinic requires two-step sign-in and this session may only set it up (the web app goes there).
  twoFactorSetupRequired: z.boolean().optional(),
});

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

export const acceptInviteRequestSchema = z.object({ password: z.string().max(MAX_PASSWORD_LENGTH) });

export const accountStatusSchema = z.enum(['invited', 'active', 'deactivated']);

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: accountStatusSchema,
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const staffRoleSchema = z.enum(['admin', 'therapist', 'prescriber', 'care_manager']);

export const inviteStaffRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter the name.').max(200, 'Use at most 200 characters.'),
  role: z.enum(staffRoleSchema.options, { error: 'Choose a role.' }),
});

export const invitePreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  clinicName: z.string(),
  expiresAt: z.number(),
});

export const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  transport: z.enum(['outbox', 'smtp']),
});

export const clinicianSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['therapist', 'prescriber', 'care_manager']),
});
