import { z } from 'zod';
import type {
  CatalogueSafety,
  SafetyChangeMark,
} from '../../../shared/medication-safety/prescribing-schemas.js';
import {
  catalogueSafetySchema,
  safetyChangeMarkSchema,
} from '../../../shared/medication-safety/prescribing-schemas.js';
import { catalogueSafetyDefaults } from '../../../shared/medication-safety/catalogue-safety-defaults.js';

export { catalogueSafetyDefaults };

// Parsed safety data by its stored text: every prescribing request reads the same few catalogue rows, and the
// text is the whole key (an edit changes the text), so a parse is reused without going stale. Bounded.
const parsedByText = new Map<string, CatalogueSafety | null>();

export function parseSafety(json: string | null | undefined): CatalogueSafety | null {
  if (json === null || json === undefined) return null;
  const known = parsedByText.get(json);
  if (known !== undefined) return known;
  let value: CatalogueSafety | null;
  try {
    const parsed = catalogueSafetySchema.safeParse(JSON.parse(json));
    value = parsed.success ? parsed.data : null;
  } catch {
    value = null;
  }
  if (parsedByText.size >= 2000) parsedByText.clear();
  parsedByText.set(json, value);
  return value;
}

const marksSchema = z.array(safetyChangeMarkSchema);
export function parseSafetyMarks(json: string | null | undefined): SafetyChangeMark[] {
  if (json === null || json === undefined) return [];
  try {
    const parsed = marksSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The parts of the safety data an admin can change, each marked on its own when changed. */
const fieldsOf = (s: CatalogueSafety | null): Record<string, string> => ({
  maxima: JSON.stringify(s?.doseLimits?.maxima ?? null),
  reduced: JSON.stringify(s?.doseLimits?.reduced ?? null),
  labelText: JSON.stringify(s?.doseLimits?.labelText ?? null),
  notes: JSON.stringify(s?.doseLimits?.notes ?? null),
  interactionClasses: JSON.stringify([...(s?.interactionClasses ?? [])].sort()),
});

/** The marks after an edit: every field that changed now says who changed it and when. */
export function markChanges(
  before: CatalogueSafety | null,
  after: CatalogueSafety | null,
  marks: SafetyChangeMark[],
  who: { id: string; name: string },
  at: number,
): { marks: SafetyChangeMark[]; changed: string[] } {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const changed = Object.keys(b).filter((k) => a[k] !== b[k]);
  const kept = marks.filter((m) => !changed.includes(m.field));
  return {
    marks: [...kept, ...changed.map((field) => ({ field, changedBy: who, changedAt: at }))],
    changed,
  };
}
