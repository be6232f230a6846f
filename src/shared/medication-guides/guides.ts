import { catalogueSeed } from '../medications/catalogue-seed.js';
import { resolveMedicationName } from '../medication-safety/names.js';
import { guideKeys, medicationGuides, type GuideKey, type MedicationGuide } from './guide-texts.js';

// The guides themselves (texts with sources) live in guide-texts.ts; this file finds the guide for a medicine.
export { guideKeys, medicationGuides };
export type { GuideFact, GuideKey, MedicationGuide } from './guide-texts.js';

const guides = medicationGuides;

/** The medications catalogue's `guide_class` values (shared/medications/catalogue-seed.ts) → our guides. */
const catalogueAliases: Record<string, GuideKey> = {
  antidepressant: 'antidepressant_other',
  anti_anxiety: 'anxiety_other',
  adhd_stimulant: 'stimulant',
  adhd_non_stimulant: 'adhd_nonstimulant',
  mood_stabilizer: 'general',
  other: 'general',
};

/** A guide by its key, or by a catalogue `guide_class` value (so other features can pass either). */
export function guideByKey(key: string): MedicationGuide | null {
  const resolved = catalogueAliases[key] ?? key;
  return guides.find((g) => g.key === resolved) ?? null;
}

const byName = new Map<string, GuideKey>(
  guides.flatMap((g) => g.examples.map((name) => [name.toLowerCase(), g.key] as const)),
);
const byClass: Record<string, GuideKey> = {
  ssri: 'ssri',
  snri: 'snri',
  benzodiazepine: 'benzodiazepine',
  'second-generation antipsychotic': 'antipsychotic',
  stimulant: 'stimulant',
};
const byGroup: Record<string, GuideKey> = {
  antidepressant: 'antidepressant_other',
  'anti-anxiety': 'anxiety_other',
  antipsychotic: 'antipsychotic',
  adhd: 'adhd_nonstimulant',
};

const seedNames = catalogueSeed.map((e) => e.genericName);

/**
 * The guide for a medication: its generic name (a brand, salt or release form in free text resolves
 * through resolveMedicationName: "Clozaril" → clozapine), else the catalogue's `guide_class` when it names
 * one of ours, then the class, then the group (medications.csv columns), else the general guide.
 */
export function guideKeyFor(med: {
  name: string;
  drugClass?: string | null;
  drugGroup?: string | null;
  guideClass?: string | null;
}): GuideKey {
  const name = med.name.trim().toLowerCase();
  const resolved = resolveMedicationName(name, seedNames)?.genericName.toLowerCase();
  const named =
    byName.get(name) ??
    [...byName].find(([n]) => name.startsWith(n + ' '))?.[1] ??
    (resolved ? byName.get(resolved) : undefined);
  if (named) return named;
  if (med.guideClass && (guideKeys as readonly string[]).includes(med.guideClass))
    return med.guideClass as GuideKey;
  if (med.guideClass && catalogueAliases[med.guideClass] && catalogueAliases[med.guideClass] !== 'general')
    return catalogueAliases[med.guideClass] as GuideKey;
  const cls = med.drugClass?.trim().toLowerCase() ?? '';
  if (byClass[cls]) return byClass[cls];
  const group = (med.drugGroup ?? med.guideClass ?? '').trim().toLowerCase();
  return byGroup[group] ?? 'general';
}
