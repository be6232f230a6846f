import { describe, expect, it } from 'vitest';
import { interactionClasses } from './interaction-classes.js';
import {
  matchOtherMedicine,
  matchOtherMedicines,
  otherMedicineMatch,
  otherMedicines,
  psychiatricMatch,
} from './other-medicines.js';

// The reference's names (medication-safety.md section 2) and the common brands, as people type them.
describe('matchOtherMedicine', () => {
  it.each([
    // NSAIDs
    ['ibuprofen', 'ibuprofen', ['nsaid']],
    ['Ibuprofen 400mg', 'ibuprofen', ['nsaid']],
    ['ibuprofen400mg three times a day', 'ibuprofen', ['nsaid']],
    ['Advil', 'ibuprofen', ['nsaid']],
    ['MOTRIN IB 200 mg', 'ibuprofen', ['nsaid']],
    ['Aleve 220mg', 'naproxen', ['nsaid']],
    ['naproxen sodium', 'naproxen', ['nsaid']],
    ['Voltaren gel', 'diclofenac', ['nsaid']],
    ['diclofenac', 'diclofenac', ['nsaid']],
    ['Celebrex 200', 'celecoxib', ['nsaid']],
    ['celecoxib', 'celecoxib', ['nsaid']],
    // ACE inhibitors
    ['lisinopril 10 mg', 'lisinopril', ['ace_inhibitor']],
    ['Zestril', 'lisinopril', ['ace_inhibitor']],
    ['enalapril', 'enalapril', ['ace_inhibitor']],
    ['ramipril 5mg', 'ramipril', ['ace_inhibitor']],
    // ARBs
    ['losartan potassium 50 mg', 'losartan', ['arb']],
    ['Cozaar', 'losartan', ['arb']],
    ['valsartan', 'valsartan', ['arb']],
    // Thiazides
    ['hydrochlorothiazide 25mg', 'hydrochlorothiazide', ['thiazide']],
    ['HCTZ', 'hydrochlorothiazide', ['thiazide']],
    ['chlorthalidone', 'chlorthalidone', ['thiazide']],
    // Opioids
    ['oxycodone 5 mg', 'oxycodone', ['opioid']],
    ['Percocet 5/325', 'oxycodone', ['opioid']],
    ['hydrocodone', 'hydrocodone', ['opioid']],
    ['Norco', 'hydrocodone', ['opioid']],
    ['morphine sulfate', 'morphine', ['opioid']],
    ['MS Contin 15mg', 'morphine', ['opioid']],
    ['methadone 80 mg daily', 'methadone', ['opioid', 'qt_prolonging']],
    ['buprenorphine', 'buprenorphine', ['opioid']],
    ['Suboxone film', 'buprenorphine', ['opioid']],
    ['tramadol 50mg', 'tramadol', ['opioid', 'serotonergic']],
    ['Tylenol with codeine', 'codeine', ['opioid']],
    // MAOIs
    ['phenelzine', 'phenelzine', ['maoi']],
    ['Nardil', 'phenelzine', ['maoi']],
    ['tranylcypromine', 'tranylcypromine', ['maoi']],
    ['isocarboxazid', 'isocarboxazid', ['maoi']],
    ['selegiline patch (Emsam)', 'selegiline', ['maoi']],
    ['linezolid 600 mg', 'linezolid', ['maoi', 'serotonergic']],
    ['Methylene Blue', 'methylene_blue', ['maoi']],
    // Triptans
    ['sumatriptan 50mg', 'sumatriptan', ['triptan', 'serotonergic']],
    ['Imitrex', 'sumatriptan', ['triptan', 'serotonergic']],
    ['rizatriptan', 'rizatriptan', ['triptan', 'serotonergic']],
    ['Maxalt MLT', 'rizatriptan', ['triptan', 'serotonergic']],
    ['zolmitriptan', 'zolmitriptan', ['triptan', 'serotonergic']],
    // St John's wort, spelled as people do
    ["St John's wort", 'st_johns_wort', ['serotonergic']],
    ['st. johns wort 300mg', 'st_johns_wort', ['serotonergic']],
    ['Saint John’s Wort', 'st_johns_wort', ['serotonergic']],
    // Enzyme inhibitors and QT
    ['ciprofloxacin 500 mg twice daily', 'ciprofloxacin', ['strong_cyp1a2_inhibitor']],
    ['Cipro', 'ciprofloxacin', ['strong_cyp1a2_inhibitor']],
    ['cimetidine', 'cimetidine', ['cyp2c19_inhibitor']],
    ['Tagamet HB', 'cimetidine', ['cyp2c19_inhibitor']],
    ['ondansetron ODT 4mg', 'ondansetron', ['qt_prolonging']],
    ['Zofran', 'ondansetron', ['qt_prolonging']],
    ['ziprasidone', 'ziprasidone', ['qt_prolonging', 'antipsychotic', 'second_generation_antipsychotic']],
  ])('%s → %s', (text, id, classes) => {
    const row = matchOtherMedicine(text);
    expect(row?.id).toBe(id);
    expect(row?.classes).toEqual(classes);
  });

  it.each([
    '',
    '   ',
    'vitamin D',
    'paracetamol 1 g',
    'ms',
    'advilx',
    'ciproheptadine',
    'fish oil',
    'Tylenol',
  ])('leaves "%s" unmatched (whole words only)', (text) => {
    expect(matchOtherMedicine(text)).toBeNull();
  });

  it('finds every medicine a text names, in order, once each', () => {
    expect(matchOtherMedicines('lisinopril 10mg and Advil, also ibuprofen').map((r) => r.id)).toEqual([
      'lisinopril',
      'ibuprofen',
    ]);
    expect(matchOtherMedicine('Advil and lisinopril')?.id).toBe('ibuprofen');
    const both = otherMedicineMatch('Advil and lisinopril');
    expect(both).toMatchObject({ id: 'ibuprofen+lisinopril', classes: ['nsaid', 'ace_inhibitor'] });
    expect(otherMedicineMatch('vitamin D')).toBeNull();
  });
});

describe('the dictionary', () => {
  it('every row has classes from the shared vocabulary and names its source', () => {
    for (const row of otherMedicines) {
      expect(row.classes.length, row.id).toBeGreaterThan(0);
      for (const c of row.classes) expect(interactionClasses, row.id).toContain(c);
      expect(row.source, row.id).toMatch(/medication-safety\.md §[12]/);
    }
  });

  it('no name or alias belongs to two rows', () => {
    const seen = new Map<string, string>();
    for (const row of otherMedicines)
      for (const name of [row.name.toLowerCase(), ...row.aliases]) {
        expect(seen.get(name), name).toBeUndefined();
        seen.set(name, row.id);
      }
  });

  it('each row is found by its own name and each of its aliases', () => {
    for (const row of otherMedicines)
      for (const name of [row.name, ...row.aliases]) expect(matchOtherMedicine(name)?.id, name).toBe(row.id);
  });
});

describe('psychiatric medicines prescribed elsewhere', () => {
  it.each([
    ['Zoloft 50mg from my GP', 'sertraline', ['ssri', 'serotonergic', 'antidepressant']],
    ['sertraline from my GP', 'sertraline', ['ssri', 'serotonergic', 'antidepressant']],
    ['Xanax as needed', 'alprazolam', ['benzodiazepine']],
    ['lithium carbonate ER 300', 'lithium', ['lithium']],
    ['Depakote 500', 'divalproex sodium', ['anticonvulsant_mood_stabiliser', 'valproate']],
    ['Wellbutrin XL 150', 'bupropion', ['antidepressant', 'strong_cyp2d6_inhibitor']],
  ])('%s → %s with the catalogue classes', (text, generic, classes) => {
    expect(psychiatricMatch(text)).toMatchObject({ name: generic, classes });
    expect(matchOtherMedicine(text)).toBeNull(); // not a row of the non-psychiatric dictionary
    expect(otherMedicineMatch(text)).toMatchObject({ name: generic, classes });
  });

  it('counts a dictionary medicine and a psychiatric one named together', () => {
    expect(otherMedicineMatch('Advil and Zoloft')).toMatchObject({
      name: 'ibuprofen + sertraline',
      classes: ['nsaid', 'ssri', 'serotonergic', 'antidepressant'],
    });
  });

  it.each(['ibuprofen', 'vitamin D', 'fish oil'])('"%s" is not psychiatric', (text) => {
    expect(psychiatricMatch(text)).toBeNull();
  });
});
