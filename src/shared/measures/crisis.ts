import { z } from 'zod';
import { parseClinicSettings } from '../clinic/settings.js';
import { telHref, resourceLine } from '../crisis/links.js';
import { crisisResourceSet } from '../crisis/select.js';

/**
 * Legacy display shape, kept only while side-effect advice (issue 12, helper H4) moves to the crisis
 * module: the numbers now come from shared/crisis (the clinic's country and its own entries), never from
 * this file. New code uses shared/crisis and the CrisisResources web component.
 */
export const crisisResourceSchema = z.object({
  label: z.string().min(1).max(200),
  /** What to do, e.g. "call" and the number. */
  action: z.string().min(1).max(300),
  /** A tel:/sms:/https: link, or null. */
  href: z.string().max(300).nullable().default(null),
});
export type CrisisResource = z.infer<typeof crisisResourceSchema>;

/** The clinic's country's resources for a physical emergency (emergency number first), in the legacy shape. */
export function crisisResourcesFrom(settingsJson: string | null | undefined): CrisisResource[] {
  const settings = parseClinicSettings(settingsJson ?? '{}');
  const set = crisisResourceSet(settings.country, 'physical_emergency', settings.crisisResources);
  return set.resources.map((r) => ({
    label: r.name,
    action: resourceLine(r).slice(r.name.length + 2) || r.name,
    href: r.phone ? telHref(r.phone) : r.web,
  }));
}
