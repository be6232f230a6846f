import type { InteractionClass } from './interaction-classes.js';
import type { DrugFacts } from './drug-classes.js';

/**
 * The product's curated list of high-risk combinations (issue 11), transcribed from
 * shared/clinical/medication-safety.md §2. It is NOT a commercial interaction database: a combination not
 * listed here is not checked, and the screen says so. Source of each row: the FDA labels ("Drug
 * Interactions", boxed warnings) as the reference names them; duplication is product policy.
 */
export const INTERACTIONS_VERSION = '2026-12-06.1';
export const curatedListNotice =
  'These checks use Duet’s own short list of high-risk combinations, not a full interaction database. A combination that is not on the list is not checked.';

const SRC = 'FDA labels, Drug Interactions; medication-safety.md §2';

export type WarningSeverity = 'contraindicated' | 'boxed_warning' | 'warning';

/** Who takes part on one side of a combination. */
export interface Matcher {
  genericNames?: readonly string[];
  classes?: readonly InteractionClass[];
  /** Names matched in another medicine's words (e.g. 'cimetidine'), lower case. */
  words?: readonly string[];
}

export interface CombinationRule {
  id: string;
  a: Matcher;
  b: Matcher;
  effect: string;
  labelAction: string;
  severity: WarningSeverity;
  source: string;
}

/** A rule about the medicine and something in the patient's record that is not a medicine. */
export interface ConditionRule {
  id: string;
  medicine: Matcher;
  conditions: readonly string[];
  conditionWords: string;
  effect: string;
  labelAction: string;
  severity: WarningSeverity;
  source: string;
}

const valproates: Matcher = { classes: ['valproate'], genericNames: ['valproic acid', 'divalproex sodium'] };

export const combinationRules: readonly CombinationRule[] = [
  {
    id: 'lamotrigine_valproate',
    a: { genericNames: ['lamotrigine'] },
    b: valproates,
    effect: 'Lamotrigine levels about double; serious rash risk.',
    labelAction: 'Halve the lamotrigine starting and target doses, and titrate more slowly.',
    severity: 'warning',
    source: 'lamotrigine label; ' + SRC,
  },
  {
    id: 'lithium_raisers',
    a: { genericNames: ['lithium'], classes: ['lithium'] },
    b: { classes: ['nsaid', 'ace_inhibitor', 'arb', 'thiazide'] },
    effect: 'Lithium levels rise: toxicity.',
    labelAction: 'Avoid, or check lithium levels more often.',
    severity: 'warning',
    source: 'lithium label; ' + SRC,
  },
  {
    id: 'clozapine_cyp1a2',
    a: { genericNames: ['clozapine'] },
    b: { classes: ['strong_cyp1a2_inhibitor'], genericNames: ['fluvoxamine'], words: ['ciprofloxacin'] },
    effect: 'Clozapine levels rise several-fold.',
    labelAction: 'Use one third of the clozapine dose.',
    severity: 'warning',
    source: 'clozapine label; ' + SRC,
  },
  {
    id: 'maoi',
    a: { classes: ['ssri', 'snri', 'stimulant'], genericNames: ['bupropion'] },
    b: { classes: ['maoi'] },
    effect: 'Serotonin syndrome, hypertensive crisis.',
    labelAction: 'Contraindicated: 14-day washout (5 weeks after fluoxetine).',
    severity: 'contraindicated',
    source: SRC,
  },
  {
    id: 'serotonergic',
    a: { classes: ['serotonergic', 'ssri', 'snri', 'triptan'] },
    b: { classes: ['serotonergic', 'ssri', 'snri', 'triptan'] },
    effect: 'Serotonin syndrome.',
    labelAction: 'Warn the patient; monitor.',
    severity: 'warning',
    source: SRC,
  },
  {
    id: 'qt_citalopram',
    a: { genericNames: ['citalopram', 'escitalopram'] },
    b: { classes: ['qt_prolonging'] },
    effect: 'QT prolongation.',
    labelAction: 'Avoid, or monitor the ECG.',
    severity: 'warning',
    source: 'citalopram / escitalopram labels; ' + SRC,
  },
  {
    id: 'benzodiazepine_opioid',
    a: { classes: ['benzodiazepine'] },
    b: { classes: ['opioid'] },
    effect: 'Profound sedation, respiratory depression, death.',
    labelAction: 'Boxed warning: only if there is no alternative, at the lowest doses.',
    severity: 'boxed_warning',
    source: 'benzodiazepine and opioid labels, boxed warning; ' + SRC,
  },
  {
    id: 'fluvoxamine_benzodiazepine',
    a: { genericNames: ['fluvoxamine'] },
    b: { genericNames: ['alprazolam', 'diazepam'] },
    effect: 'Benzodiazepine levels rise.',
    labelAction: 'Halve the alprazolam dose; avoid diazepam.',
    severity: 'warning',
    source: 'fluvoxamine label; ' + SRC,
  },
  {
    id: 'cyp2d6_substrate',
    a: { genericNames: ['fluoxetine', 'paroxetine', 'bupropion'], classes: ['strong_cyp2d6_inhibitor'] },
    b: { genericNames: ['aripiprazole', 'atomoxetine', 'vortioxetine'] },
    effect: 'Levels of aripiprazole, atomoxetine or vortioxetine rise.',
    labelAction:
      'Use the reduced maximum: aripiprazole half dose, atomoxetine 80 mg a day, vortioxetine 10 mg a day.',
    severity: 'warning',
    source: 'aripiprazole, atomoxetine, vortioxetine labels; ' + SRC,
  },
];

/** Duplication (product policy): two benzodiazepines, two antipsychotics, two drugs of the same class. */
export const duplicationRule = {
  id: 'duplication',
  effect: 'Duplication: two medicines of the same kind.',
  labelAction: 'Check that both are intended (product policy).',
  severity: 'warning' as WarningSeverity,
  source: 'product policy; medication-safety.md §2',
  classes: ['benzodiazepine', 'antipsychotic'] as readonly InteractionClass[],
};

export const conditionRules: readonly ConditionRule[] = [
  {
    id: 'bupropion_seizure_eating',
    medicine: { genericNames: ['bupropion'] },
    conditions: ['seizure_disorder', 'eating_disorder'],
    conditionWords: 'a seizure disorder or an eating disorder',
    effect: 'Seizures.',
    labelAction: 'Contraindicated.',
    severity: 'contraindicated',
    source: 'bupropion label, Contraindications; medication-safety.md §2',
  },
  {
    id: 'clozapine_smoking',
    medicine: { genericNames: ['clozapine'] },
    conditions: ['smoker', 'current_smoker'],
    conditionWords: 'smoking (levels rise when the patient stops)',
    effect: 'Clozapine levels rise when the patient stops smoking.',
    labelAction: 'Monitor; a dose reduction may be needed if they stop.',
    severity: 'warning',
    source: 'clozapine label; medication-safety.md §2',
  },
];

export interface SafetyWarning {
  /** Stable for the same rule and the same other medicine/condition: the prescriber's answer names it. */
  id: string;
  kind: 'interaction' | 'duplication' | 'condition' | 'allergy' | 'missing_data';
  ruleId: string;
  /** e.g. 'Lamotrigine with Valproic acid'. */
  title: string;
  effect: string;
  labelAction: string;
  severity: WarningSeverity;
  source: string;
}

const lower = (s: string) => s.toLowerCase();

export function matches(m: Matcher, drug: DrugFacts): boolean {
  if (drug.genericName !== null && m.genericNames?.includes(drug.genericName)) return true;
  if (m.classes?.some((c) => drug.classes.includes(c))) return true;
  const text = lower(drug.label);
  return m.words?.some((w) => text.includes(w)) ?? false;
}

const keyOf = (d: DrugFacts) => lower(d.genericName ?? d.label);
const sameDrug = (x: DrugFacts, y: DrugFacts) => keyOf(x) === keyOf(y);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Combinations of the new medicine with the patient's other medicines (their other prescriptions in Duet and
 * the "other medicines" they take). Pure; one warning per rule and other medicine.
 */
export function checkCombinations(newDrug: DrugFacts, others: readonly DrugFacts[]): SafetyWarning[] {
  const out: SafetyWarning[] = [];
  for (const other of others) {
    if (sameDrug(newDrug, other)) {
      out.push({
        id: `duplication:${keyOf(other)}`,
        kind: 'duplication',
        ruleId: duplicationRule.id,
        title: `${cap(newDrug.label)}: the patient already takes ${other.label}`,
        effect: 'Duplication: the same medicine twice.',
        labelAction: duplicationRule.labelAction,
        severity: duplicationRule.severity,
        source: duplicationRule.source,
      });
      continue;
    }
    for (const rule of combinationRules) {
      const fires =
        (matches(rule.a, newDrug) && matches(rule.b, other)) ||
        (matches(rule.b, newDrug) && matches(rule.a, other));
      if (!fires) continue;
      out.push({
        id: `${rule.id}:${keyOf(other)}`,
        kind: 'interaction',
        ruleId: rule.id,
        title: `${cap(newDrug.label)} with ${other.label}`,
        effect: rule.effect,
        labelAction: rule.labelAction,
        severity: rule.severity,
        source: rule.source,
      });
    }
    const sharedClass = duplicationRule.classes.find(
      (c) => newDrug.classes.includes(c) && other.classes.includes(c),
    );
    const sameCatalogueClass =
      newDrug.drugClass !== null &&
      other.drugClass !== null &&
      lower(newDrug.drugClass) === lower(other.drugClass);
    if (sharedClass !== undefined || sameCatalogueClass)
      out.push({
        id: `duplication:${keyOf(other)}`,
        kind: 'duplication',
        ruleId: duplicationRule.id,
        title: `${cap(newDrug.label)} with ${other.label}: both ${sharedClass?.replace(/_/g, ' ') ?? newDrug.drugClass ?? ''}`,
        effect: duplicationRule.effect,
        labelAction: duplicationRule.labelAction,
        severity: duplicationRule.severity,
        source: duplicationRule.source,
      });
  }
  return out;
}

/** Rules about the medicine and a condition in the patient's record. */
export function checkConditions(newDrug: DrugFacts, conditions: readonly string[]): SafetyWarning[] {
  return conditionRules
    .filter((r) => matches(r.medicine, newDrug) && r.conditions.some((c) => conditions.includes(c)))
    .map((r) => ({
      id: `${r.id}:condition`,
      kind: 'condition' as const,
      ruleId: r.id,
      title: `${cap(newDrug.label)} with ${r.conditionWords} in the record`,
      effect: r.effect,
      labelAction: r.labelAction,
      severity: r.severity,
      source: r.source,
    }));
}
