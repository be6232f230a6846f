import { z } from 'zod';

/**
 * Adherence alert thresholds, each a clinic setting (optional keys of the clinic settings JSON, see
 * shared/clinic/settings.ts) with its default and source. Read defensively: a missing, unreadable or
 * out-of-range value falls back to its default on its own.
 */
export const adherenceDefaults = {
  /**
   * Below 80% of scheduled doses logged as taken flags (care-rules.md "Adherence": the 80% line is borrowed
   * from the PDC >= 80% convention of PQA / CMS Part D, which counts days covered by pharmacy fills; Duet's
   * figure is self-reported doses, not PDC).
   */
  adherenceThresholdPercent: 80,
  /** …over 14 days (care-rules.md "Adherence", product default). */
  adherenceWindowDays: 14,
  /** Three scheduled doses of one medication missed in a row → routine alert (issue 4, product default). */
  missedDosesInARow: 3,
  /**
   * No low-adherence alert until the window holds at least 7 counted doses (product default), so a
   * medication started two days ago with one missed dose does not read as "50% adherence".
   */
  adherenceMinDoses: 7,
  /**
   * Lithium, clozapine or an anticonvulsant mood stabiliser not taken at all on this many days in a row →
   * the prescriber is alerted (issue 11, product policy; shared/adherence/per-medication.ts).
   */
  criticalMedicationGapDays: 3,
} as const;

export type AdherenceSettings = { -readonly [K in keyof typeof adherenceDefaults]: number };

export const adherenceSettingRanges = {
  adherenceThresholdPercent: z.number().int().min(50).max(100),
  adherenceWindowDays: z.number().int().min(7).max(90),
  missedDosesInARow: z.number().int().min(2).max(14),
  adherenceMinDoses: z.number().int().min(1).max(60),
  criticalMedicationGapDays: z.number().int().min(1).max(14),
} satisfies Record<keyof AdherenceSettings, z.ZodNumber>;

/** Optional keys for the clinic settings schemas (stored only when the clinic sets them). */
export const adherenceSettingsShape = {
  adherenceThresholdPercent: adherenceSettingRanges.adherenceThresholdPercent.optional(),
  adherenceWindowDays: adherenceSettingRanges.adherenceWindowDays.optional(),
  missedDosesInARow: adherenceSettingRanges.missedDosesInARow.optional(),
  adherenceMinDoses: adherenceSettingRanges.adherenceMinDoses.optional(),
  criticalMedicationGapDays: adherenceSettingRanges.criticalMedicationGapDays.optional(),
};

/** The same thresholds from the clinic's parsed settings (features/clinic clinicSettings, issue 18: parsed once). */
export function adherenceSettingsOf(settings: {
  [K in keyof AdherenceSettings]?: number | undefined;
}): AdherenceSettings {
  const out: AdherenceSettings = { ...adherenceDefaults };
  for (const key of Object.keys(adherenceDefaults) as (keyof AdherenceSettings)[]) {
    const value = settings[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
