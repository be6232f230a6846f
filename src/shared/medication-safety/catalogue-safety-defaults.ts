import type { CatalogueSafety } from './prescribing-schemas.js';
import { defaultDoseLimits } from './dose-limits.js';
import { defaultInteractionClasses } from './drug-classes.js';

// Pure: shared by the medications feature and migration 026 (which must not import a feature, issue 18).
/**
 * The safety data a catalogue entry carries (issue 11): Duet's starting values (shared/medication-safety
 * dose-limits.ts and drug-classes.ts, each row with its source) and the marks of values a clinic changed.
 */
export function catalogueSafetyDefaults(genericName: string): CatalogueSafety | null {
  const doseLimits = defaultDoseLimits(genericName);
  const interactionClasses = defaultInteractionClasses(genericName);
  if (doseLimits === null && interactionClasses.length === 0) return null;
  return { doseLimits, interactionClasses };
}
