import type { InteractionClass } from './interaction-classes.js';

/**
 * Interaction classes of each catalogue medication (issue 11), as medication-safety.md §2 groups them:
 * SSRIs/SNRIs and the other serotonergic drugs it names (trazodone, vortioxetine, mirtazapine, buspirone);
 * the strong CYP2D6 inhibitors it names (fluoxetine, paroxetine, bupropion) and the strong CYP1A2 inhibitor
 * fluvoxamine; the QT-prolonging drugs it names (citalopram, escitalopram, quetiapine, hydroxyzine).
 * Source: medication-safety.md §2 (FDA labels, "Drug Interactions"). The clinic catalogue starts with these
 * and an admin may change them.
 */
export const drugClassTable: Readonly<Record<string, readonly InteractionClass[]>> = {
  sertraline: ['ssri', 'serotonergic', 'antidepressant'],
  fluoxetine: ['ssri', 'serotonergic', 'antidepressant', 'strong_cyp2d6_inhibitor'],
  citalopram: ['ssri', 'serotonergic', 'antidepressant', 'qt_prolonging'],
  escitalopram: ['ssri', 'serotonergic', 'antidepressant', 'qt_prolonging'],
  paroxetine: ['ssri', 'serotonergic', 'antidepressant', 'strong_cyp2d6_inhibitor'],
  fluvoxamine: ['ssri', 'serotonergic', 'antidepressant', 'strong_cyp1a2_inhibitor'],
  venlafaxine: ['snri', 'serotonergic', 'antidepressant'],
  duloxetine: ['snri', 'serotonergic', 'antidepressant'],
  desvenlafaxine: ['snri', 'serotonergic', 'antidepressant'],
  bupropion: ['antidepressant', 'strong_cyp2d6_inhibitor'],
  mirtazapine: ['serotonergic', 'antidepressant'],
  trazodone: ['serotonergic', 'antidepressant'],
  vortioxetine: ['serotonergic', 'antidepressant'],
  buspirone: ['serotonergic'],
  hydroxyzine: ['qt_prolonging'],
  alprazolam: ['benzodiazepine'],
  lorazepam: ['benzodiazepine'],
  clonazepam: ['benzodiazepine'],
  diazepam: ['benzodiazepine'],
  lithium: ['lithium'],
  lamotrigine: ['anticonvulsant_mood_stabiliser'],
  'valproic acid': ['anticonvulsant_mood_stabiliser', 'valproate'],
  'divalproex sodium': ['anticonvulsant_mood_stabiliser', 'valproate'],
  quetiapine: ['antipsychotic', 'second_generation_antipsychotic', 'qt_prolonging'],
  aripiprazole: ['antipsychotic', 'second_generation_antipsychotic'],
  olanzapine: ['antipsychotic', 'second_generation_antipsychotic'],
  risperidone: ['antipsychotic', 'second_generation_antipsychotic'],
  lurasidone: ['antipsychotic', 'second_generation_antipsychotic'],
  clozapine: ['antipsychotic', 'second_generation_antipsychotic'],
  methylphenidate: ['stimulant'],
  amphetamine: ['stimulant'],
  atomoxetine: [],
  prazosin: [],
};

export function defaultInteractionClasses(genericName: string): InteractionClass[] {
  return [...(drugClassTable[genericName.trim().toLowerCase()] ?? [])];
}

/** One medicine taking part in a check: a prescription in Duet, the one being prescribed, or another medicine. */
export interface DrugFacts {
  /** Words for the screen, e.g. 'Valproic acid' or 'ibuprofen (Advil)'. */
  label: string;
  /** Catalogue generic name, or null (other medicines, unknown free text). */
  genericName: string | null;
  /** Catalogue class words, e.g. 'SSRI' (duplication of the same class). */
  drugClass: string | null;
  classes: readonly InteractionClass[];
  origin: 'prescription' | 'other_medicine';
}
