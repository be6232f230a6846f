import { z } from 'zod';

export const crisisResourceSchema = z.object({
  label: z.string().min(1).max(200),
  /** What to do, e.g. "Call or text 988". */
  action: z.string().min(1).max(200),
  /** A tel:/sms:/https: link, or null. */
  href: z.string().max(300).nullable().default(null),
});
export type CrisisResource = z.infer<typeof crisisResourceSchema>;

/** care-rules.md, "Safety": in the US call or text 988; emergency 911. A clinic can set its own list. */
export const defaultCrisisResources: readonly CrisisResource[] = [
  { label: '988 Suicide & Crisis Lifeline', action: 'Call or text 988', href: 'tel:988' },
  { label: 'Emergency', action: 'Call 911', href: 'tel:911' },
];

/**
 * The clinic's crisis resources from its settings JSON (optional key `crisisResources`), else the default.
 * Parsed defensively: this runs on the safety path, so anything unreadable falls back and never throws.
 */
export function crisisResourcesFrom(settingsJson: string | null | undefined): CrisisResource[] {
  try {
    const raw: unknown = JSON.parse(settingsJson ?? '{}');
    if (raw && typeof raw === 'object' && 'crisisResources' in raw) {
      const parsed = z.array(crisisResourceSchema).min(1).max(20).safeParse(raw.crisisResources);
      if (parsed.success) return parsed.data;
    }
  } catch {
    // fall through to the default
  }
  return [...defaultCrisisResources];
}
