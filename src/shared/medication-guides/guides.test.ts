import { describe, expect, it } from 'vitest';
import { guideByKey, guideKeyFor, guideKeys, medicationGuides, type MedicationGuide } from './guides.js';
import { urgentSignsFor } from './urgent-signs.js';

const allText = (g: MedicationGuide | null) =>
  g
    ? [
        ...g.whatToExpect,
        ...g.commonSideEffects,
        ...g.reportAtOnce,
        ...g.stopping,
        ...g.boxedWarning.map((b) => b.text),
        ...g.earlyWatch,
      ].join(' ')
    : '';
const boxed = (key: string) =>
  guideByKey(key)
    ?.boxedWarning.map((b) => `${b.text} [${b.source.label}]`)
    .join(' ') ?? '';

describe('medication guides', () => {
  it.each([
    [{ name: 'Sertraline', drugClass: 'SSRI', drugGroup: 'antidepressant' }, 'ssri'],
    [{ name: 'sertraline 50 mg tablets' }, 'ssri'],
    [{ name: 'Venlafaxine XR', drugClass: 'SNRI' }, 'snri'],
    [{ name: 'Bupropion', drugClass: 'NDRI', drugGroup: 'antidepressant' }, 'antidepressant_other'],
    [{ name: 'Clonazepam' }, 'benzodiazepine'],
    [{ name: 'Lamotrigine', guideClass: 'mood stabilizer' }, 'lamotrigine'],
    [{ name: 'Divalproex sodium' }, 'valproate'],
    [{ name: 'Clozapine' }, 'clozapine'],
    [{ name: 'Clozaril 100 mg' }, 'clozapine'],
    [{ name: 'Lamictal' }, 'lamotrigine'],
    [{ name: 'Depakote ER' }, 'valproate'],
    [{ name: 'Lithium carbonate ER' }, 'lithium'],
    [{ name: 'Quetiapine' }, 'antipsychotic'],
    [{ name: 'Brand-new thing', drugClass: 'second-generation antipsychotic' }, 'antipsychotic'],
    [{ name: 'Custom med', guideClass: 'lithium' }, 'lithium'],
    [{ name: 'Custom med', guideClass: 'antidepressant' }, 'antidepressant_other'],
    [{ name: 'Custom med', guideClass: 'adhd_stimulant' }, 'stimulant'],
    [{ name: 'Custom med', guideClass: 'mood_stabilizer', drugClass: 'anticonvulsant' }, 'general'],
    [{ name: 'Prazosin', drugClass: 'alpha-1 blocker', drugGroup: 'other' }, 'general'],
  ] as const)('%o → %s', (med, key) => {
    expect(guideKeyFor(med)).toBe(key);
  });

  it('every key has one guide with sources; antidepressants carry the onset facts and the under-25 warning', () => {
    expect(medicationGuides.map((g) => g.key).sort()).toEqual([...guideKeys].sort());
    for (const g of medicationGuides) expect(g.sources.length).toBeGreaterThan(0);
    const ssri = guideByKey('ssri');
    expect(ssri?.whatToExpect.join(' ')).toContain('2 to 4 weeks');
    expect(ssri?.whatToExpect.join(' ')).toContain('4 to 8 weeks');
    expect(ssri?.boxedWarning.map((b) => b.text).join(' ')).toContain('24');
    expect(ssri?.sources.map((s) => s.label).join(' ')).toContain('Trivedi');
    expect(guideByKey('nope')).toBeNull();
    // the catalogue's guide_class values resolve too
    expect(guideByKey('antidepressant')?.key).toBe('antidepressant_other');
    expect(guideByKey('anti_anxiety')?.key).toBe('anxiety_other');
  });

  it('no guide writes an emergency or crisis number (the page shows the patient’s own country’s)', () => {
    for (const g of medicationGuides) expect(allText(g)).not.toMatch(/\b(911|988|999|112|000|116 ?123)\b/);
  });

  it('every boxed warning names its source', () => {
    for (const g of medicationGuides)
      for (const b of g.boxedWarning) expect(b.source.label.length).toBeGreaterThan(10);
  });

  it.each([
    [
      'clozapine',
      /white blood cells \(severe neutropenia\)/,
      /Clozapine prescribing information, boxed warnings/,
    ],
    ['clozapine', /blood pressure when you stand up[^[]*faint/, /boxed warnings/],
    ['clozapine', /seizures/, /boxed warnings/],
    ['clozapine', /myocarditis/, /boxed warnings/],
    ['clozapine', /blocked bowel \(ileus\)/, /gastrointestinal hypomotility/],
    ['lamotrigine', /Stop at the first sign of a rash/, /Lamotrigine prescribing information/],
    [
      'lithium',
      /strong shaking, vomiting or diarrhoea, unsteadiness, slurred speech and confusion/,
      /Lithium/,
    ],
    ['valproate', /damage the liver/, /Valproate prescribing information/],
    ['valproate', /pancreatitis/, /Valproate/],
    ['valproate', /unborn baby/, /Valproate/],
    ['ssri', /up to age 24/, /FDA boxed warning/],
  ])('%s: boxed warning %s, with its source', (key, text, source) => {
    expect(boxed(key)).toMatch(text);
    expect(boxed(key)).toMatch(source);
  });

  it('trazodone priapism, valproate bruising, and the antidepressants’ “what to watch for” (section 5)', () => {
    expect(allText(guideByKey('antidepressant_other'))).toMatch(/more than 4 hours/);
    expect(allText(guideByKey('valproate'))).toMatch(/bruising or bleeding/);
    for (const key of ['ssri', 'snri', 'antidepressant_other']) {
      const watch = guideByKey(key)?.earlyWatch.join(' ') ?? '';
      expect(watch).toMatch(/thoughts of suicide/);
      expect(watch).toMatch(/agitated, restless/);
      expect(watch).toMatch(/weeks 1, 2 and 4/);
    }
  });

  it('each guide shows the urgent symptoms of section 4 for its medicines, with the advice and source', () => {
    const signs = (key: string) => urgentSignsFor(guideByKey(key)?.examples ?? []);
    expect(signs('lamotrigine')[0]).toMatchObject({
      rowId: 'lamotrigine_rash',
      advice: 'Do not take your next dose of lamotrigine and contact your prescriber today.',
    });
    expect(signs('lamotrigine')[0]?.emergencyWhen).toEqual([
      'Rash or skin changes with fever, sore throat or a flu-like illness',
      'Rash or skin changes with blisters or peeling skin',
      'Rash or skin changes with sores in the mouth',
    ]);
    expect(signs('clozapine')[0]?.emergencyWhen).toEqual([
      'A seizure (fit)',
      'Chest pain, or a racing or pounding heart',
    ]);
    expect(signs('clozapine').map((s) => s.rowId)).toEqual([
      'clozapine',
      'antipsychotic_nms',
      'sga_hyperglycaemia',
      'suicidal_thoughts_any',
    ]);
    expect(signs('lithium')[0]?.symptoms).toContain('Strong shaking you cannot control');
    expect(signs('valproate')[0]?.symptoms).toContain('Yellow skin or yellow eyes');
    const other = signs('antidepressant_other');
    expect(other.find((s) => s.rowId === 'trazodone_priapism')).toMatchObject({ onlyFor: 'Trazodone' });
    expect(other.find((s) => s.rowId === 'bupropion_seizure')).toMatchObject({ onlyFor: 'Bupropion' });
    expect(other.find((s) => s.rowId === 'antidepressant_young_early')?.youngOrEarly).toBe(true);
    expect(signs('benzodiazepine')[0]?.advice).toMatch(/emergency number/);
    for (const g of medicationGuides)
      for (const sign of urgentSignsFor(g.examples))
        expect(sign.source.label).toMatch(/label|care-rules|FDA/);
  });
});
