import { describe, expect, it } from 'vitest';
import { guideByKey, guideKeyFor, guideKeys, medicationGuides } from './guides.js';

describe('medication guides', () => {
  it.each([
    [{ name: 'Sertraline', drugClass: 'SSRI', drugGroup: 'antidepressant' }, 'ssri'],
    [{ name: 'sertraline 50 mg tablets' }, 'ssri'],
    [{ name: 'Venlafaxine XR', drugClass: 'SNRI' }, 'snri'],
    [{ name: 'Bupropion', drugClass: 'NDRI', drugGroup: 'antidepressant' }, 'antidepressant_other'],
    [{ name: 'Clonazepam' }, 'benzodiazepine'],
    [{ name: 'Lamotrigine', guideClass: 'mood stabilizer' }, 'lamotrigine'],
    [{ name: 'Divalproex sodium' }, 'valproate'],
    [{ name: 'Clozapine' }, 'antipsychotic'],
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
    expect(ssri?.boxedWarning.join(' ')).toContain('24');
    expect(ssri?.sources.map((s) => s.label).join(' ')).toContain('Trivedi');
    expect(guideByKey('lamotrigine')?.urgentSymptoms).toEqual(['rash']);
    expect(guideByKey('nope')).toBeNull();
    // the catalogue's guide_class values resolve too
    expect(guideByKey('antidepressant')?.key).toBe('antidepressant_other');
    expect(guideByKey('anti_anxiety')?.key).toBe('anxiety_other');
  });
});
