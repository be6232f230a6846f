import { z } from 'zod';
import { adherenceSettingsShape } from '../adherence/settings.js';
import { treatToTargetSettingsShape } from '../registry/settings.js';
import { measureSettingsShape } from '../measures/settings.js';
import { crisisSettingsShape, crisisSettingsUpdateShape } from '../crisis/settings.js';
import { escalationSettingsShape } from '../alerts/escalation-settings.js';

/**
 * Clinic settings (stored as JSON on the clinic). Defaults:
 * - escalationHours 4: an urgent alert nobody acknowledges within 4 hours escalates
 *   (care-rules.md, "Safety": default 4 hours, counted in clinic hours: shared/alerts/escalation-chain.ts).
 * - planReviewWeeks 4: a treatment plan is reviewed 4 weeks after agreement (product default, issue 3).
 * - onCallUserId: the on-call clinician in the escalation chain (shared/alerts/escalation-chain.ts).
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
  // Answer dates (issue 12): in-session answers dated back at most N days (default 14, shared/measures/settings.ts).
  ...measureSettingsShape,
  // Medication monitoring (issue 4): an overdue check is routine, high when more than this many days
  // overdue (product default 14, shared/medications/monitoring.ts).
  monitoringOverdueHighDays: z.number().int().min(1).max(365).optional(),
  // Laboratory results (issue 11): ALT / AST upper limit of normal when the report gives none (U/L; product
  // default 40, shared/medication-safety/lab-ranges.ts). A valproate result above 3 times it is urgent.
  labAltUpperLimit: z.number().min(1).max(1000).optional(),
  labAstUpperLimit: z.number().min(1).max(1000).optional(),
  // Session feedback (issue 6): optional; the default (4) is in shared/feedback/rules.ts.
  feedbackLowRating: z.number().int().min(0).max(10).optional(),
  // Appointments (issue 6; product defaults): no-shows in a row that alert the therapist, the notice below
  // which a cancellation is late, and how long before an appointment the patient is reminded.
  // Optional keys: the defaults are applied by shared/appointments/settings.ts.
  noShowAlertAfter: z.number().int().min(2).max(10).optional(),
  lateCancellationHours: z.number().min(1).max(168).optional(),
  appointmentReminderHours: z.number().min(1).max(168).optional(),
  // Crisis resources (issue 12): the clinic's country and its own entries; see shared/crisis/settings.ts.
  ...crisisSettingsShape,
  // Alert lifecycle and escalation (issue 12): optional keys; defaults in shared/alerts/escalation-settings.ts.
  ...escalationSettingsShape,
  // Two-step sign-in (issue 13, product policy): staff must use it. On for a new clinic (a missing key reads
  // as on); migration 038 stored it off for clinics that existed before, the demo clinic sets it off.
  staffTwoFactorRequired: z.boolean().default(true),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

/**
 * A save (PUT /api/admin/settings): only the keys sent change. Every key is checked against its own schema
 * (a bad value: 400 at body.<key>), and a key that is not a clinic setting is refused at body.<key> rather
 * than dropped without a word (issue 18; house rule: never drop silently what a person entered). A new key
 * goes into BOTH schemas: settings.test.ts fails when the two lists differ.
 */
const clinicSettingsUpdateShape = {
  escalationHours: z.number().min(0.25).max(72).optional(),
  planReviewWeeks: z.number().int().min(1).max(52).optional(),
  onCallUserId: z.string().max(64).nullable().optional(),
  ...adherenceSettingsShape,
  ...treatToTargetSettingsShape,
  ...measureSettingsShape,
  monitoringOverdueHighDays: z.number().int().min(1).max(365).optional(),
  // Laboratory results (issue 11): ALT / AST upper limit of normal when the report gives none (U/L; product
  // default 40, shared/medication-safety/lab-ranges.ts). A valproate result above 3 times it is urgent.
  labAltUpperLimit: z.number().min(1).max(1000).optional(),
  labAstUpperLimit: z.number().min(1).max(1000).optional(),
  feedbackLowRating: z.number().int().min(0).max(10).optional(),
  noShowAlertAfter: z.number().int().min(2).max(10).optional(),
  lateCancellationHours: z.number().min(1).max(168).optional(),
  appointmentReminderHours: z.number().min(1).max(168).optional(),
  ...crisisSettingsUpdateShape,
  ...escalationSettingsShape,
  staffTwoFactorRequired: z.boolean().optional(),
};
export const clinicSettingsUpdateSchema = z
  .looseObject(clinicSettingsUpdateShape)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value))
      if (!Object.hasOwn(clinicSettingsUpdateShape, key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'Not a clinic setting' });
  });

/** The stored settings object as written (keys this version does not know included); {} when unreadable. */
export function storedClinicSettings(json: string): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(json);
    return raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export interface ClinicSettingsRead {
  settings: ClinicSettings;
  /** Stored keys that could not be read and were replaced by their default: the caller reports them. */
  unreadableKeys: string[];
}

/**
 * Reads stored settings key by key: a missing or unreadable key falls back to its own default, and never
 * takes the other keys with it (issue 12: one bad key used to reset every setting, crisis resources
 * included). A key that is stored but unreadable is named in unreadableKeys so the server can log it
 * (issue 18: never reset silently); a key that is simply absent takes its default without a report.
 */
export function readClinicSettings(json: string): ClinicSettingsRead {
  const raw = storedClinicSettings(json);
  const values: Record<string, unknown> = {};
  const unreadableKeys: string[] = [];
  for (const [key, field] of Object.entries(clinicSettingsSchema.shape)) {
    const parsed = field.safeParse(raw[key]);
    if (!parsed.success) unreadableKeys.push(key);
    values[key] = parsed.success ? parsed.data : field.safeParse(undefined).data;
  }
  return { settings: clinicSettingsSchema.parse(values), unreadableKeys };
}

/** readClinicSettings without the report (pure callers and tests). */
export function parseClinicSettings(json: string): ClinicSettings {
  return readClinicSettings(json).settings;
}
