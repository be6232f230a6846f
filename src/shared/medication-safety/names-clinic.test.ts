import { describe, expect, it } from 'vitest';
import { resolveMedicationName, type ClinicOtherName } from './names.js';
import { catalogueSeed } from '../medications/catalogue-seed.js';
import { otherMedicineMatch } from './other-medicines.js';

const catalogue = catalogueSeed.map((e) => e.genericName);
const clinic: ClinicOtherName[] = [
  { name: 'Quilonum', genericName: 'lithium' },
  { name: 'Lithium Orion', genericName: 'lithium' },
  { name: 'Leponex', genericName: 'clozapine' },
];

describe('resolveMedicationName with the clinic’s own names', () => {
  it.each([
    ['Quilonum', 'lithium', null],
    ['quilonum 400 mg', 'lithium', null],
    ['Quilonum SR', 'lithium', 'sr'],
    ['Lithium Orion', 'lithium', null],
    ['Leponex 100mg tablets', 'clozapine', null],
  ])('%s → %s', (text, generic, form) => {
    const resolved = resolveMedicationName(text, catalogue, clinic);
    expect(resolved?.genericName).toBe(generic);
    expect(resolved?.releaseForm).toBe(form);
  });

  it('says the clinic added the name', () => {
    expect(resolveMedicationName('Quilonum', catalogue, clinic)).toMatchObject({
      matchedBy: 'clinic',
      source: 'Added by the clinic',
    });
  });

  it('is not resolved without the clinic’s names, nor when the entry is not in the catalogue', () => {
    expect(resolveMedicationName('Quilonum', catalogue)).toBeNull();
    expect(resolveMedicationName('Quilonum', ['clozapine'], clinic)).toBeNull();
  });

  it('Duet’s own names still come first', () => {
    expect(
      resolveMedicationName('Clozaril', catalogue, [{ name: 'Clozaril', genericName: 'lithium' }])
        ?.genericName,
    ).toBe('clozapine');
  });
});

describe('other medicines with the clinic’s own names', () => {
  it('a psychiatric medicine from elsewhere typed by a clinic name counts as that medicine', () => {
    expect(otherMedicineMatch('Leponex 25mg from the hospital')).toBeNull();
    expect(otherMedicineMatch('Leponex 25mg from the hospital', clinic)).toMatchObject({ name: 'clozapine' });
  });
});
