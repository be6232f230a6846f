import { z } from 'zod';
import { severitySchema } from '../alerts/alert.js';
import { SECURITY_ALERTS_MAX } from '../lists/limits.js';

/** A security alert for the clinic's admins (issue 13): about an account, never a patient. */
export const securityAlertSchema = z.object({
  id: z.string(),
  type: z.string(),
  severity: severitySchema,
  title: z.string(),
  details: z.string(),
  /** The account it is about. */
  subjectId: z.string().nullable(),
  createdAt: z.number(),
});
export type SecurityAlert = z.infer<typeof securityAlertSchema>;

/** The admin's list, bounded (issue 19): at most SECURITY_ALERTS_MAX, the most severe first, `hasMore` when cut. */
export const securityAlertListSchema = z.object({
  alerts: z.array(securityAlertSchema).max(SECURITY_ALERTS_MAX),
  hasMore: z.boolean(),
});
