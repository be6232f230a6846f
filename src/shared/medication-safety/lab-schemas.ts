import { z } from 'zod';
import { labDirections, labTiers } from './lab-ranges.js';

/** The interpretation stored and returned with a laboratory result (labs.ts LabInterpretation). */
export const labInterpretationSchema = z.object({
  rangesVersion: z.string(),
  rangeId: z.string(),
  rangeLabel: z.string(),
  target: z.string(),
  source: z.string(),
  value: z.number(),
  unit: z.string(),
  canonicalValue: z.number(),
  canonicalUnit: z.string(),
  upperLimitOfNormal: z.number().nullable(),
  upperLimitSource: z.string().nullable(),
  timesUpperLimit: z.number().nullable(),
  tier: z.enum(labTiers),
  direction: z.enum(labDirections),
  label: z.string(),
  action: z.string(),
  followUpDays: z.number().nullable(),
  followUpText: z.string().nullable(),
  interrupt: z.boolean(),
  emergencyAdvice: z.string().nullable(),
  productPolicy: z.boolean(),
});
export type LabInterpretationDto = z.infer<typeof labInterpretationSchema>;

/** Which ANC table applies to one medication record (clozapine label: general or benign ethnic neutropenia). */
export const labProfileSchema = z.object({
  medicationId: z.string(),
  benignEthnicNeutropenia: z.boolean(),
  version: z.number(),
});
export type LabProfile = z.infer<typeof labProfileSchema>;

export const labProfileInputSchema = z.object({ benignEthnicNeutropenia: z.boolean() });
export type LabProfileInput = z.infer<typeof labProfileInputSchema>;
