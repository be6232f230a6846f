import { describe, expect, it } from 'vitest';
import { checkCombinations, checkConditions, combinationRules } from './interactions.js';
import { checkAllergies } from './allergies.js';
import { defaultInteractionClasses, type DrugFacts } from './drug-classes.js';
import type { InteractionClass } from './interaction-classes.js';
import { catalogueSeed } from '../medications/catalogue-seed.js';

const rx = (g: string): DrugFacts => ({
  label: g,
  genericName: g,
  drugClass: catalogueSeed.find((e) => e.genericName === g)?.drugClass ?? null,
  classes: defaultInteractionClasses(g),
  origin: 'prescription',
});
const other = (name: string, classes: InteractionClass[]): DrugFacts => ({
  label: name,
  genericName: null,
  drugClass: null,
  classes,
  origin: 'other_medicine',
});
const rulesFired = (a: DrugFacts, b: DrugFacts) => checkCombinations(a, [b]).map((w) => w.ruleId);

// medication-safety.md §2, one row each: [rule, new medicine, the other]
const rows: [string, DrugFacts, DrugFacts][] = [
  ['lamotrigine_valproate', rx('lamotrigine'), rx('valproic acid')],
  ['lamotrigine_valproate', rx('divalproex sodium'), rx('lamotrigine')],
  ['lithium_raisers', rx('lithium'), other('ibuprofen', ['nsaid'])],
  ['lithium_raisers', rx('lithium'), other('lisinopril', ['ace_inhibitor'])],
  ['lithium_raisers', rx('lithium'), other('losartan', ['arb'])],
  ['lithium_raisers', rx('lithium'), other('hydrochlorothiazide', ['thiazide'])],
  ['clozapine_cyp1a2', rx('clozapine'), rx('fluvoxamine')],
  ['clozapine_cyp1a2', rx('clozapine'), other('ciprofloxacin', ['strong_cyp1a2_inhibitor'])],
  ['serotonergic', rx('sertraline'), other('tramadol', ['opioid', 'serotonergic'])],
  ['serotonergic', rx('trazodone'), other('sumatriptan', ['triptan'])],
  ['serotonergic', rx('buspirone'), rx('mirtazapine')],
  ['maoi', rx('sertraline'), other('phenelzine', ['maoi'])],
  ['maoi', rx('bupropion'), other('selegiline', ['maoi'])],
  ['maoi', rx('methylphenidate'), other('linezolid', ['maoi', 'serotonergic'])],
  ['qt_citalopram', rx('citalopram'), rx('quetiapine')],
  ['qt_citalopram', rx('escitalopram'), other('ondansetron', ['qt_prolonging'])],
  ['benzodiazepine_opioid', rx('lorazepam'), other('oxycodone', ['opioid'])],
  ['duplication', rx('lorazepam'), rx('clonazepam')],
  ['duplication', rx('olanzapine'), rx('quetiapine')],
  ['duplication', rx('sertraline'), rx('fluoxetine')],
  ['fluvoxamine_benzodiazepine', rx('fluvoxamine'), rx('alprazolam')],
  ['fluvoxamine_benzodiazepine', rx('diazepam'), rx('fluvoxamine')],
  ['cyp2d6_substrate', rx('aripiprazole'), rx('fluoxetine')],
  ['cyp2d6_substrate', rx('atomoxetine'), rx('paroxetine')],
  ['cyp2d6_substrate', rx('vortioxetine'), rx('bupropion')],
];

describe('curated combinations (§2)', () => {
  it.each(rows)('%s: %s with %s', (rule, a, b) => {
    const warnings = checkCombinations(a, [b]);
    expect(warnings.map((w) => w.ruleId)).toContain(rule);
    const w = warnings.find((x) => x.ruleId === rule);
    expect(w?.labelAction.length).toBeGreaterThan(0);
    expect(w?.source.length).toBeGreaterThan(0);
  });
  it('every rule has an effect, a label action and a source', () => {
    for (const r of combinationRules) {
      expect(r.effect, r.id).not.toBe('');
      expect(r.labelAction, r.id).not.toBe('');
      expect(r.source, r.id).toMatch(/label|medication-safety/);
    }
  });
  it('unrelated medicines give no warning', () => {
    expect(rulesFired(rx('lamotrigine'), rx('sertraline'))).toEqual([]);
    expect(rulesFired(rx('lithium'), other('paracetamol', []))).toEqual([]);
    expect(rulesFired(rx('prazosin'), rx('olanzapine'))).toEqual([]);
  });
  it('the MAOI combination is contraindicated; benzodiazepine + opioid is a boxed warning', () => {
    expect(
      checkCombinations(rx('sertraline'), [other('phenelzine', ['maoi'])]).find((w) => w.ruleId === 'maoi')
        ?.severity,
    ).toBe('contraindicated');
    expect(checkCombinations(rx('diazepam'), [other('morphine', ['opioid'])])[0]?.severity).toBe(
      'boxed_warning',
    );
  });
  it('bupropion with a seizure or eating disorder; clozapine with smoking', () => {
    expect(checkConditions(rx('bupropion'), ['seizure_disorder'])[0]?.severity).toBe('contraindicated');
    expect(checkConditions(rx('bupropion'), ['eating_disorder'])).toHaveLength(1);
    expect(checkConditions(rx('clozapine'), ['smoker'])[0]?.ruleId).toBe('clozapine_smoking');
    expect(checkConditions(rx('sertraline'), ['seizure_disorder'])).toEqual([]);
  });
  it('warning ids are stable for the same pair', () => {
    const a = checkCombinations(rx('lamotrigine'), [rx('valproic acid')]).map((w) => w.id);
    expect(checkCombinations(rx('lamotrigine'), [rx('valproic acid')]).map((w) => w.id)).toEqual(a);
  });
});

describe('allergies: same substance or same class', () => {
  const resolve = (s: string) => {
    const g = { Ativan: 'lorazepam', lamictal: 'lamotrigine', sertraline: 'sertraline' }[s];
    return g ? rx(g) : null;
  };
  const allergy = (substance: string, severity: 'mild' | 'moderate' | 'severe' = 'moderate') => ({
    substance,
    reaction: 'rash',
    severity,
  });
  it('same substance, also by brand name', () => {
    const w = checkAllergies(rx('lamotrigine'), [allergy('lamictal')], resolve);
    expect(w[0]?.ruleId).toBe('allergy_same_substance');
    expect(w[0]?.severity).toBe('contraindicated');
  });
  it('same class (a medicine of it, or the class named)', () => {
    expect(checkAllergies(rx('alprazolam'), [allergy('Ativan')], resolve)[0]?.ruleId).toBe(
      'allergy_same_class',
    );
    expect(checkAllergies(rx('alprazolam'), [allergy('benzodiazepines')], resolve)[0]?.ruleId).toBe(
      'allergy_same_class',
    );
    expect(checkAllergies(rx('fluoxetine'), [allergy('SSRIs')], resolve)).toHaveLength(1);
  });
  it('an unrelated allergy does not warn', () => {
    expect(
      checkAllergies(rx('lamotrigine'), [allergy('penicillin'), allergy('sertraline')], resolve),
    ).toEqual([]);
  });
});
