import { z } from 'zod';
import { adherenceSettingsShape } from '../adherence/settings.js';
import { treatToTargetSettingsShape } from '../registry/settings.js';

/**
 * Clinic settings (stored as JSON on the clinic). Defaults:
 * - escalationHours 4: an urgent alert nobody acknowledges within 4 hours escalates
 *   (care-rules.md, "Safety": default 4 hours; Duet counts wall-clock hours for now, not clinic hours).
 * - planReviewWeeks 4: a treatment plan is reviewed 4 weeks after agreement (product default, issue 3).
 * - onCallUserId: who gets escalations when a patient has no care manager.
 * - feedbackLowRating 4: session feedback with "met my goals" or "felt heard" at or below this (0-10)
 *   raises a routine alert to the therapist (product policy, issue 6: a rating in the lower half).
 * - noShowAlertAfter 2, lateCancellationHours 24, appointmentReminderHours 24: appointments (product
 *   defaults, issue 6: "two no-shows in a row", a late cancellation is under 24 h, a reminder a day before).
 */
export const clinicSettingsSchema = z.object({
  escalationHours: z.number().min(0.25).max(72).default(4),
  planReviewWeeks: z.number().int().min(1).max(52).default(4),
  onCallUserId: z.string().nullable().default(null),
  // Adherence alert thresholds (issue 4): optional keys; defaults and sources in shared/adherence/settings.ts.
  ...adherenceSettingsShape,
  // Treat-to-target thresholds (issue 5): optional keys; defaults and sources in shared/registry/settings.ts.
  ...treatToTargetSettingsShape,
  // Medication monitoring (issue 4): an overdue check is routine, high when more than this many days
  // overdue (product default 14, shared/medications/monitoring.ts).
  monitoringOverdueHighDays: z.number().int().min(1).max(365).optional(),
  // Session feedback (issue 6): optional; the default (4) is in shared/feedback/rules.ts.
  feedbackLowRating: z.number().int().min(0).max(10).optional(),
  // Appointments (issue 6; product defaults): no-shows in a row that alert the therapist, the notice below
  // which a cancellation is late, and how long before an appointment the patient is reminded.
  // Optional keys: the defaults are applied by shared/appointments/settings.ts.
  noShowAlertAfter: z.number().int().min(2).max(10).optional(),
  lateCancellationHours: z.number().min(1).max(168).optional(),
  appointmentReminderHours: z.number().min(1).max(168).optional(),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const clinicSettingsUpdateSchema = z.object({
  escalationHours: z.number().min(0.25).max(72).optional(),
  planReviewWeeks: z.number().int().min(1).max(52).optional(),
  onCallUserId: z.string().max(64).nullable().optional(),
  ...adherenceSettingsShape,
  ...treatToTargetSettingsShape,
  monitoringOverdueHighDays: z.number().int().min(1).max(365).optional(),
  feedbackLowRating: z.number().int().min(0).max(10).optional(),
  noShowAlertAfter: z.number().int().min(2).max(10).optional(),
  lateCancellationHours: z.number().min(1).max(168).optional(),
  appointmentReminderHours: z.number().min(1).max(168).optional(),
});

/** Reads stored settings; anything missing or unreadable falls back to the defaults. */
export function parseClinicSettings(json: string): ClinicSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = clinicSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : clinicSettingsSchema.parse({});
}
