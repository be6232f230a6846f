import { z } from 'zod';

/**
 * Treat-to-target thresholds, each a clinic setting with its default and source: optional keys of the clinic
 * settings schema (shared/clinic/settings.ts), read once with it (an unreadable or out-of-range value falls
 * back to its default on its own), then mapped here by treatToTargetSettingsOf.
 */
export const treatToTargetDefaults = {
  /** Change treatment with no significant improvement 10-12 weeks after starting it (IMPACT; care-rules.md). */
  notImprovingWeeks: 10,
  /** Response = PHQ-9 falls by >= 50% from baseline (ICSI; AIMS Center; instruments.md). */
  responseFallPercent: 50,
  /** Partial response = 25-49% fall (ICSI; instruments.md). */
  partialFallPercent: 25,
  /** Remission = PHQ-9 < 5 (ICSI; AIMS Center; instruments.md). */
  remissionBelow: 5,
  /** Reliable deterioration: PHQ-9 up by >= 6, GAD-7 by >= 4 (NHS Talking Therapies, unverified; instruments.md). */
  phq9ReliableChange: 6,
  gad7ReliableChange: 4,
  /** An overdue measure is more than 7 days past due (care-rules.md, product default). */
  measureOverdueDays: 7,
  /** "No recent contact" after 30 days: contact about monthly in continuation (care-rules.md; product default). */
  noContactDays: 30,
} as const;

export type TreatToTargetSettings = { -readonly [K in keyof typeof treatToTargetDefaults]: number };

const ranges: Record<keyof TreatToTargetSettings, z.ZodNumber> = {
  notImprovingWeeks: z.number().int().min(4).max(52),
  responseFallPercent: z.number().min(10).max(90),
  partialFallPercent: z.number().min(5).max(90),
  remissionBelow: z.number().int().min(1).max(27),
  phq9ReliableChange: z.number().int().min(1).max(27),
  gad7ReliableChange: z.number().int().min(1).max(21),
  measureOverdueDays: z.number().int().min(1).max(60),
  noContactDays: z.number().int().min(7).max(365),
};

/** Optional keys of the clinic settings schema, so an admin can set them and a save never drops them. */
export const treatToTargetSettingsShape = Object.fromEntries(
  Object.entries(ranges).map(([key, range]) => [key, range.optional()]),
) as { [K in keyof TreatToTargetSettings]: z.ZodOptional<z.ZodNumber> };

/** The same thresholds from the clinic's parsed settings (features/clinic clinicSettings, issue 18: parsed once). */
export function treatToTargetSettingsOf(settings: {
  [K in keyof TreatToTargetSettings]?: number | undefined;
}): TreatToTargetSettings {
  const out: TreatToTargetSettings = { ...treatToTargetDefaults };
  for (const key of Object.keys(treatToTargetDefaults) as (keyof TreatToTargetSettings)[]) {
    const value = settings[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
