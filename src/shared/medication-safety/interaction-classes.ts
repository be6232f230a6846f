/**
 * The vocabulary of interaction classes the curated combination list (medication-safety.md section 2)
 * speaks in. Psychiatric catalogue entries and the "other medicines" dictionary both map to these, so one
 * check covers a prescription, the patient's other prescriptions and what they take outside Duet.
 * Add a class here (additively) before using it in a rule or a dictionary row.
 */
export const interactionClasses = [
  // Psychiatric groups
  'ssri',
  'snri',
  'maoi',
  'serotonergic',
  'benzodiazepine',
  'antipsychotic',
  'second_generation_antipsychotic',
  'stimulant',
  'anticonvulsant_mood_stabiliser',
  'lithium',
  'antidepressant',
  // Enzyme effects (section 1 reduced maxima; section 2 "levels rise")
  'strong_cyp1a2_inhibitor',
  'strong_cyp2d6_inhibitor',
  'strong_cyp3a4_inhibitor',
  'cyp2c19_inhibitor',
  // Cardiac
  'qt_prolonging',
  // Non-psychiatric groups that raise lithium levels (lithium label, "Drug Interactions")
  'nsaid',
  'ace_inhibitor',
  'arb',
  'thiazide',
  // Others in section 2
  'opioid',
  'triptan',
  'valproate',
] as const;
export type InteractionClass = (typeof interactionClasses)[number];

export function isInteractionClass(value: string): value is InteractionClass {
  return (interactionClasses as readonly string[]).includes(value);
}
