import { z } from 'zod';
import { labTiers } from './lab-ranges.js';

/** Request and response shapes of the clinic-editable laboratory thresholds and other names (issue 11). */

const person = z.object({ id: z.string(), name: z.string() });

export const labThresholdSettingSchema = z.object({
  index: z.number().int(),
  comparison: z.enum(['gt', 'gte', 'lt', 'lte']),
  /** Duet's reference value (lab-ranges.ts). */
  reference: z.number(),
  /** The value in use for this clinic (= reference when not changed). */
  value: z.number(),
  /** True when the clinic's value differs from the reference. */
  changed: z.boolean(),
  bandLabel: z.string(),
  tier: z.enum(labTiers),
});

export const labRangeSettingSchema = z.object({
  id: z.string(),
  label: z.string(),
  target: z.string(),
  unit: z.string(),
  source: z.string(),
  /** 0 while the clinic uses the reference; send it as If-Match. */
  version: z.number().int(),
  thresholds: z.array(labThresholdSettingSchema),
  changedBy: person.nullable(),
  changedAt: z.number().nullable(),
});
export type LabRangeSetting = z.infer<typeof labRangeSettingSchema>;

export const labRangeSettingsSchema = z.object({
  rangesVersion: z.string(),
  ranges: z.array(labRangeSettingSchema),
});
export type LabRangeSettings = z.infer<typeof labRangeSettingsSchema>;

export const labThresholdsInputSchema = z.object({
  thresholds: z.array(z.number()).min(1).max(12),
});
export type LabThresholdsInput = z.infer<typeof labThresholdsInputSchema>;

export const catalogueOtherNameSchema = z.object({
  id: z.string(),
  catalogueId: z.string(),
  genericName: z.string(),
  name: z.string(),
  addedBy: person,
  addedAt: z.number(),
  /** On adding: how many records typed by this name were linked to the entry. */
  linkedRecords: z.number().int().optional(),
});
export type CatalogueOtherName = z.infer<typeof catalogueOtherNameSchema>;

export const catalogueOtherNamesSchema = z.object({ names: z.array(catalogueOtherNameSchema) });

export const catalogueOtherNameInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'Enter the name, at least 2 characters.')
    .max(80, 'At most 80 characters.')
    .regex(/\p{L}/u, 'A name has letters.'),
});
export type CatalogueOtherNameInput = z.infer<typeof catalogueOtherNameInputSchema>;
