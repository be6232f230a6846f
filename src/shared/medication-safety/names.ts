/**
 * Brand names, salts and release forms that resolve to a catalogue entry (issue 11: "Clozaril", "Depakote",
 * "Lithium carbonate ER" typed as free text got no monitoring at all). The brand list is taken from the
 * products' FDA labels (DailyMed "brand name" field) and, for UK/EU brands, the BNF/EMC product names.
 * Values are catalogue generic names (shared/medications/catalogue-seed.ts). A name not listed here stays
 * a free-text medicine, and the prescriber is asked whether it needs monitoring.
 */
export interface BrandRow {
  brand: string;
  genericName: string;
  source: string;
}

const FDA = 'FDA label (DailyMed)';
const UK = 'BNF / EMC product name (UK)';

export const brandNames: readonly BrandRow[] = [
  { brand: 'zoloft', genericName: 'sertraline', source: FDA },
  { brand: 'lustral', genericName: 'sertraline', source: UK },
  { brand: 'prozac', genericName: 'fluoxetine', source: FDA },
  { brand: 'sarafem', genericName: 'fluoxetine', source: FDA },
  { brand: 'celexa', genericName: 'citalopram', source: FDA },
  { brand: 'cipramil', genericName: 'citalopram', source: UK },
  { brand: 'lexapro', genericName: 'escitalopram', source: FDA },
  { brand: 'cipralex', genericName: 'escitalopram', source: UK },
  { brand: 'paxil', genericName: 'paroxetine', source: FDA },
  { brand: 'pexeva', genericName: 'paroxetine', source: FDA },
  { brand: 'seroxat', genericName: 'paroxetine', source: UK },
  { brand: 'luvox', genericName: 'fluvoxamine', source: FDA },
  { brand: 'faverin', genericName: 'fluvoxamine', source: UK },
  { brand: 'effexor', genericName: 'venlafaxine', source: FDA },
  { brand: 'cymbalta', genericName: 'duloxetine', source: FDA },
  { brand: 'pristiq', genericName: 'desvenlafaxine', source: FDA },
  { brand: 'wellbutrin', genericName: 'bupropion', source: FDA },
  { brand: 'zyban', genericName: 'bupropion', source: FDA },
  { brand: 'aplenzin', genericName: 'bupropion', source: FDA },
  { brand: 'forfivo', genericName: 'bupropion', source: FDA },
  { brand: 'remeron', genericName: 'mirtazapine', source: FDA },
  { brand: 'zispin', genericName: 'mirtazapine', source: UK },
  { brand: 'desyrel', genericName: 'trazodone', source: FDA },
  { brand: 'oleptro', genericName: 'trazodone', source: FDA },
  { brand: 'molipaxin', genericName: 'trazodone', source: UK },
  { brand: 'trintellix', genericName: 'vortioxetine', source: FDA },
  { brand: 'brintellix', genericName: 'vortioxetine', source: UK },
  { brand: 'buspar', genericName: 'buspirone', source: FDA },
  { brand: 'atarax', genericName: 'hydroxyzine', source: FDA },
  { brand: 'vistaril', genericName: 'hydroxyzine', source: FDA },
  { brand: 'xanax', genericName: 'alprazolam', source: FDA },
  { brand: 'ativan', genericName: 'lorazepam', source: FDA },
  { brand: 'klonopin', genericName: 'clonazepam', source: FDA },
  { brand: 'rivotril', genericName: 'clonazepam', source: UK },
  { brand: 'valium', genericName: 'diazepam', source: FDA },
  { brand: 'eskalith', genericName: 'lithium', source: FDA },
  { brand: 'lithobid', genericName: 'lithium', source: FDA },
  { brand: 'priadel', genericName: 'lithium', source: UK },
  { brand: 'camcolit', genericName: 'lithium', source: UK },
  { brand: 'liskonum', genericName: 'lithium', source: UK },
  { brand: 'lamictal', genericName: 'lamotrigine', source: FDA },
  { brand: 'depakene', genericName: 'valproic acid', source: FDA },
  { brand: 'stavzor', genericName: 'valproic acid', source: FDA },
  { brand: 'epilim', genericName: 'valproic acid', source: UK },
  { brand: 'depakote', genericName: 'divalproex sodium', source: FDA },
  { brand: 'seroquel', genericName: 'quetiapine', source: FDA },
  { brand: 'abilify', genericName: 'aripiprazole', source: FDA },
  { brand: 'zyprexa', genericName: 'olanzapine', source: FDA },
  { brand: 'risperdal', genericName: 'risperidone', source: FDA },
  { brand: 'latuda', genericName: 'lurasidone', source: FDA },
  { brand: 'clozaril', genericName: 'clozapine', source: FDA },
  { brand: 'fazaclo', genericName: 'clozapine', source: FDA },
  { brand: 'versacloz', genericName: 'clozapine', source: FDA },
  { brand: 'denzapine', genericName: 'clozapine', source: UK },
  { brand: 'zaponex', genericName: 'clozapine', source: UK },
  { brand: 'ritalin', genericName: 'methylphenidate', source: FDA },
  { brand: 'concerta', genericName: 'methylphenidate', source: FDA },
  { brand: 'methylin', genericName: 'methylphenidate', source: FDA },
  { brand: 'metadate', genericName: 'methylphenidate', source: FDA },
  { brand: 'medikinet', genericName: 'methylphenidate', source: UK },
  { brand: 'equasym', genericName: 'methylphenidate', source: UK },
  { brand: 'adderall', genericName: 'amphetamine', source: FDA },
  { brand: 'evekeo', genericName: 'amphetamine', source: FDA },
  { brand: 'mydayis', genericName: 'amphetamine', source: FDA },
  { brand: 'strattera', genericName: 'atomoxetine', source: FDA },
  { brand: 'minipress', genericName: 'prazosin', source: FDA },
];

/**
 * Other names of the same ingredient (salts, older or non-US names) that mean a catalogue entry. Salt words
 * alone are also stripped (see saltWords), so "sertraline hydrochloride" needs no row here.
 */
export const ingredientSynonyms: readonly BrandRow[] = [
  { brand: 'valproate', genericName: 'valproic acid', source: 'divalproex / valproic acid labels' },
  { brand: 'sodium valproate', genericName: 'valproic acid', source: UK },
  { brand: 'valproate sodium', genericName: 'valproic acid', source: FDA },
  { brand: 'valproate semisodium', genericName: 'divalproex sodium', source: UK },
  { brand: 'divalproex', genericName: 'divalproex sodium', source: FDA },
  { brand: 'mixed amphetamine salts', genericName: 'amphetamine', source: FDA },
  { brand: 'dextroamphetamine amphetamine', genericName: 'amphetamine', source: FDA },
];

/** Salt and chemical-form words that do not change which ingredient is meant. */
const saltWords = new Set([
  'carbonate',
  'citrate',
  'hydrochloride',
  'hcl',
  'hydrobromide',
  'hbr',
  'sodium',
  'potassium',
  'maleate',
  'mesylate',
  'fumarate',
  'succinate',
  'besylate',
  'tartrate',
  'sulfate',
  'sulphate',
  'oxalate',
  'monohydrate',
  'dihydrate',
  'aspartate',
  'saccharate',
]);

export const releaseForms = ['ir', 'sr', 'er', 'xr', 'xl', 'cr', 'la', 'odt'] as const;
export type ReleaseForm = (typeof releaseForms)[number];

/** Words naming a release form or dosage form; they are noted (release form) and removed before matching. */
const formWords: Record<string, ReleaseForm | null> = {
  ir: 'ir',
  sr: 'sr',
  er: 'er',
  xr: 'xr',
  xl: 'xl',
  cr: 'cr',
  la: 'la',
  odt: 'odt',
  zydis: 'odt',
  solutab: 'odt',
  sprinkle: null,
  extended: 'er',
  sustained: 'sr',
  controlled: 'cr',
  modified: 'er',
  immediate: 'ir',
  release: null,
  tablet: null,
  tablets: null,
  tab: null,
  tabs: null,
  capsule: null,
  capsules: null,
  cap: null,
  caps: null,
  oral: null,
  solution: null,
  liquid: null,
  syrup: null,
  suspension: null,
  chrono: 'er',
  continus: 'er',
};

export interface ResolvedName {
  /** The catalogue's generic name. */
  genericName: string;
  matchedBy: 'generic' | 'brand' | 'synonym' | 'clinic';
  /** Release form named in the text (e.g. "ER"), or null. */
  releaseForm: ReleaseForm | null;
  source: string | null;
}

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[®™]/g, '')
      // a dose written into the name ("300mg", "12.5 mg") is not part of the name
      .replace(/\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml)\b/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !/^\d+(?:\.\d+)?$/.test(w))
  );
}

/** A name the clinic added to one of its catalogue entries (a national brand, a local name; issue 11). */
export interface ClinicOtherName {
  name: string;
  genericName: string;
}

/**
 * Resolves free text (a brand, a salt, a release form, a dose in the text) to a catalogue generic name.
 * `catalogueNames` are the clinic's catalogue generic names (lower case compared); only names in it resolve.
 * `clinicNames` are the other names the clinic added to its entries: matched like a brand (the whole name, or
 * one word of it standing with others), after Duet's own names.
 */
export function resolveMedicationName(
  text: string,
  catalogueNames: readonly string[],
  clinicNames: readonly ClinicOtherName[] = [],
): ResolvedName | null {
  const all = words(text);
  let releaseForm: ReleaseForm | null = null;
  const kept: string[] = [];
  for (const w of all) {
    if (w in formWords) {
      releaseForm = formWords[w] ?? releaseForm;
      continue;
    }
    kept.push(w);
  }
  const known = new Map(catalogueNames.map((n) => [n.toLowerCase(), n]));
  const phrase = kept.join(' ');
  const withoutSalts = kept.filter((w) => !saltWords.has(w)).join(' ');

  const exact = known.get(phrase) ?? known.get(withoutSalts);
  if (exact) return { genericName: exact, matchedBy: 'generic', releaseForm, source: null };

  for (const candidate of [phrase, withoutSalts]) {
    const synonym = ingredientSynonyms.find((row) => row.brand === candidate);
    const name = synonym && known.get(synonym.genericName);
    if (synonym && name)
      return { genericName: name, matchedBy: 'synonym', releaseForm, source: synonym.source };
  }
  // A brand is one word; it may stand with others ("Depakote ER 500", "Lamictal starter kit").
  for (const w of kept) {
    const brand = brandNames.find((row) => row.brand === w);
    const name = brand && known.get(brand.genericName);
    if (brand && name) return { genericName: name, matchedBy: 'brand', releaseForm, source: brand.source };
  }
  if (clinicNames.length > 0) {
    const candidates = new Set([phrase, withoutSalts, ...kept]);
    for (const row of clinicNames) {
      const own = words(row.name)
        .filter((w) => !(w in formWords))
        .join(' ');
      const name = known.get(row.genericName.toLowerCase());
      if (own !== '' && name && candidates.has(own))
        return { genericName: name, matchedBy: 'clinic', releaseForm, source: 'Added by the clinic' };
    }
  }
  return null;
}
