import { describe, expect, it } from 'vitest';
import { brandNames, ingredientSynonyms, resolveMedicationName } from './names.js';
import { catalogueSeed } from '../medications/catalogue-seed.js';

const catalogue = catalogueSeed.map((e) => e.genericName);

describe('resolveMedicationName', () => {
  it.each([
    ['Clozaril', 'clozapine', 'brand', null],
    ['Depakote', 'divalproex sodium', 'brand', null],
    ['Depakote ER 500 mg', 'divalproex sodium', 'brand', 'er'],
    ['Eskalith', 'lithium', 'brand', null],
    ['Lithium carbonate ER', 'lithium', 'generic', 'er'],
    ['lithium citrate oral solution', 'lithium', 'generic', null],
    ['Lamictal', 'lamotrigine', 'brand', null],
    ['Seroquel XR', 'quetiapine', 'brand', 'xr'],
    ['Sertraline hydrochloride 50mg', 'sertraline', 'generic', null],
    ['sodium valproate', 'valproic acid', 'synonym', null],
    ['Wellbutrin XL', 'bupropion', 'brand', 'xl'],
    ['ZOLOFT®', 'sertraline', 'brand', null],
  ])('%s → %s', (text, generic, by, form) => {
    const resolved = resolveMedicationName(text, catalogue);
    expect(resolved?.genericName).toBe(generic);
    expect(resolved?.matchedBy).toBe(by);
    expect(resolved?.releaseForm).toBe(form);
  });

  it('leaves unknown medicines unresolved', () => {
    expect(resolveMedicationName('Grandma’s herbal tea', catalogue)).toBeNull();
    expect(resolveMedicationName('ibuprofen', catalogue)).toBeNull();
    expect(resolveMedicationName('', catalogue)).toBeNull();
  });

  it('resolves only to entries the clinic catalogue holds', () => {
    expect(resolveMedicationName('Clozaril', ['lithium'])).toBeNull();
  });

  it('every brand and synonym row points at a catalogue entry and names a source', () => {
    for (const row of [...brandNames, ...ingredientSynonyms]) {
      expect(catalogue).toContain(row.genericName);
      expect(row.source.length).toBeGreaterThan(0);
      expect(resolveMedicationName(row.brand, catalogue)?.genericName).toBe(row.genericName);
    }
  });
});
