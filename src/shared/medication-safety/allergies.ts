import type { SafetyAllergy } from './context.js';
import type { DrugFacts } from './drug-classes.js';
import type { SafetyWarning } from './interactions.js';

/**
 * Allergy check at prescribing (issue 11): a recorded allergy to the same substance, or to a medicine of the
 * same class (or to the class itself, e.g. "benzodiazepines"), warns the prescriber. Product policy: the
 * class is the catalogue class (e.g. SSRI, benzodiazepine); Duet does not model cross-reactivity beyond it.
 * `resolve` turns an allergy's substance text into the facts of a catalogue medicine (brand names and salts
 * included), or null.
 */
export function checkAllergies(
  newDrug: DrugFacts,
  allergies: readonly SafetyAllergy[],
  resolve: (substance: string) => DrugFacts | null,
): SafetyWarning[] {
  const out: SafetyWarning[] = [];
  const newClass = newDrug.drugClass?.toLowerCase() ?? null;
  const name = newDrug.label.charAt(0).toUpperCase() + newDrug.label.slice(1);
  allergies.forEach((allergy) => {
    const said = `${allergy.substance} (${allergy.severity}: ${allergy.reaction})`;
    const substance = resolve(allergy.substance);
    const sameSubstance =
      substance !== null
        ? substance.genericName !== null && substance.genericName === newDrug.genericName
        : allergy.substance.trim().toLowerCase() === newDrug.label.toLowerCase();
    const singular = allergy.substance.trim().toLowerCase().replace(/s$/, '');
    const sameClass =
      !sameSubstance &&
      newClass !== null &&
      ((substance?.drugClass?.toLowerCase() ?? null) === newClass ||
        singular === newClass ||
        newDrug.classes.some((c) => c.replace(/_/g, ' ') === singular));
    if (!sameSubstance && !sameClass) return;
    out.push({
      id: `allergy:${allergy.substance.trim().toLowerCase()}`,
      kind: 'allergy',
      ruleId: sameSubstance ? 'allergy_same_substance' : 'allergy_same_class',
      title: sameSubstance
        ? `${name}: allergy recorded to ${said}`
        : `${name}: allergy recorded to ${said}, the same class (${newDrug.drugClass ?? ''})`,
      effect: sameSubstance
        ? 'A recorded allergy to this medicine.'
        : 'A recorded allergy to a medicine of the same class.',
      labelAction: sameSubstance
        ? 'Do not prescribe unless the allergy is known to be wrong; record why.'
        : 'Check whether the reaction could recur with this medicine before prescribing.',
      severity: allergy.severity === 'severe' || sameSubstance ? 'contraindicated' : 'warning',
      source: 'product policy (same substance or class); medication-safety.md §2',
    });
  });
  return out;
}
