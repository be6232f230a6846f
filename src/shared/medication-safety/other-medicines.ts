import type { InteractionClass } from './interaction-classes.js';
import { defaultInteractionClasses, drugClassTable } from './drug-classes.js';
import { resolveMedicationName, type ClinicOtherName } from './names.js';

/**
 * The small dictionary of common non-psychiatric medicines that take part in the curated combination
 * checks (medication-safety.md section 2) when a patient takes them outside Duet's prescriptions. A
 * free-text "other medicine" is matched to a row by its generic name or a brand name; the row gives the
 * interaction classes. This is the product's curated list, not a commercial interaction database: a
 * medicine not listed here stays unmatched and the screen says the check does not know it.
 * Brand names are taken from the products' FDA labels (DailyMed "brand name" field).
 */
export interface OtherMedicineRow {
  /** Stable id (the generic name, snake case). */
  id: string;
  /** Generic name as shown to clinicians. */
  name: string;
  /** Other names it is typed as: brands, abbreviations, spellings. Lower case. */
  aliases: readonly string[];
  classes: readonly InteractionClass[];
  source: string;
}

export const OTHER_MEDICINES_VERSION = '2026-12-06.1';

const LITHIUM_NSAID = 'medication-safety.md §2 (lithium + NSAIDs); lithium label, Drug Interactions';
const LITHIUM_ACE = 'medication-safety.md §2 (lithium + ACE inhibitors); lithium label, Drug Interactions';
const LITHIUM_ARB = 'medication-safety.md §2 (lithium + ARBs); lithium label, Drug Interactions';
const LITHIUM_THIAZIDE = 'medication-safety.md §2 (lithium + thiazides); lithium label, Drug Interactions';
const OPIOID =
  'medication-safety.md §2 (benzodiazepine + opioid); FDA boxed warning on opioids and benzodiazepines (2016)';
const MAOI =
  'medication-safety.md §2 (SSRI/SNRI/bupropion/stimulant + MAOI); SSRI/SNRI labels, Contraindications';
const SEROTONERGIC =
  'medication-safety.md §2 (two or more serotonergic drugs); SSRI labels, Serotonin syndrome';
const QT =
  'medication-safety.md §2 (citalopram/escitalopram + QT-prolonging drug); citalopram label, QT prolongation';

export const otherMedicines: readonly OtherMedicineRow[] = [
  // NSAIDs: lithium levels rise
  {
    id: 'ibuprofen',
    name: 'ibuprofen',
    aliases: ['advil', 'motrin', 'nurofen'],
    classes: ['nsaid'],
    source: LITHIUM_NSAID,
  },
  {
    id: 'naproxen',
    name: 'naproxen',
    aliases: ['aleve', 'naprosyn', 'anaprox'],
    classes: ['nsaid'],
    source: LITHIUM_NSAID,
  },
  {
    id: 'diclofenac',
    name: 'diclofenac',
    aliases: ['voltaren', 'cataflam'],
    classes: ['nsaid'],
    source: LITHIUM_NSAID,
  },
  { id: 'celecoxib', name: 'celecoxib', aliases: ['celebrex'], classes: ['nsaid'], source: LITHIUM_NSAID },
  { id: 'meloxicam', name: 'meloxicam', aliases: ['mobic'], classes: ['nsaid'], source: LITHIUM_NSAID },
  // ACE inhibitors
  {
    id: 'lisinopril',
    name: 'lisinopril',
    aliases: ['zestril', 'prinivil', 'qbrelis'],
    classes: ['ace_inhibitor'],
    source: LITHIUM_ACE,
  },
  {
    id: 'enalapril',
    name: 'enalapril',
    aliases: ['vasotec'],
    classes: ['ace_inhibitor'],
    source: LITHIUM_ACE,
  },
  { id: 'ramipril', name: 'ramipril', aliases: ['altace'], classes: ['ace_inhibitor'], source: LITHIUM_ACE },
  {
    id: 'benazepril',
    name: 'benazepril',
    aliases: ['lotensin'],
    classes: ['ace_inhibitor'],
    source: LITHIUM_ACE,
  },
  // ARBs
  { id: 'losartan', name: 'losartan', aliases: ['cozaar'], classes: ['arb'], source: LITHIUM_ARB },
  { id: 'valsartan', name: 'valsartan', aliases: ['diovan'], classes: ['arb'], source: LITHIUM_ARB },
  { id: 'irbesartan', name: 'irbesartan', aliases: ['avapro'], classes: ['arb'], source: LITHIUM_ARB },
  { id: 'olmesartan', name: 'olmesartan', aliases: ['benicar'], classes: ['arb'], source: LITHIUM_ARB },
  { id: 'candesartan', name: 'candesartan', aliases: ['atacand'], classes: ['arb'], source: LITHIUM_ARB },
  // Thiazide diuretics
  {
    id: 'hydrochlorothiazide',
    name: 'hydrochlorothiazide',
    aliases: ['hctz', 'microzide'],
    classes: ['thiazide'],
    source: LITHIUM_THIAZIDE,
  },
  {
    id: 'chlorthalidone',
    name: 'chlorthalidone',
    aliases: ['chlortalidone', 'thalitone'],
    classes: ['thiazide'],
    source: LITHIUM_THIAZIDE,
  },
  // Opioids: with a benzodiazepine, the boxed warning
  {
    id: 'oxycodone',
    name: 'oxycodone',
    aliases: ['oxycontin', 'roxicodone', 'percocet', 'xtampza'],
    classes: ['opioid'],
    source: OPIOID,
  },
  {
    id: 'hydrocodone',
    name: 'hydrocodone',
    aliases: ['vicodin', 'norco', 'hysingla', 'zohydro'],
    classes: ['opioid'],
    source: OPIOID,
  },
  { id: 'morphine', name: 'morphine', aliases: ['ms contin', 'kadian'], classes: ['opioid'], source: OPIOID },
  {
    id: 'methadone',
    name: 'methadone',
    aliases: ['dolophine', 'methadose'],
    classes: ['opioid', 'qt_prolonging'],
    source: `${OPIOID}; ${QT}`,
  },
  {
    id: 'buprenorphine',
    name: 'buprenorphine',
    aliases: ['subutex', 'suboxone', 'sublocade', 'butrans', 'zubsolv'],
    classes: ['opioid'],
    source: OPIOID,
  },
  {
    id: 'tramadol',
    name: 'tramadol',
    aliases: ['ultram', 'conzip'],
    classes: ['opioid', 'serotonergic'],
    source: `${OPIOID}; ${SEROTONERGIC}`,
  },
  { id: 'codeine', name: 'codeine', aliases: [], classes: ['opioid'], source: OPIOID },
  { id: 'hydromorphone', name: 'hydromorphone', aliases: ['dilaudid'], classes: ['opioid'], source: OPIOID },
  { id: 'fentanyl', name: 'fentanyl', aliases: ['duragesic'], classes: ['opioid'], source: OPIOID },
  // MAOIs (contraindicated with SSRIs, SNRIs, bupropion, stimulants)
  { id: 'phenelzine', name: 'phenelzine', aliases: ['nardil'], classes: ['maoi'], source: MAOI },
  { id: 'tranylcypromine', name: 'tranylcypromine', aliases: ['parnate'], classes: ['maoi'], source: MAOI },
  { id: 'isocarboxazid', name: 'isocarboxazid', aliases: ['marplan'], classes: ['maoi'], source: MAOI },
  {
    id: 'selegiline',
    name: 'selegiline',
    aliases: ['emsam', 'eldepryl', 'zelapar'],
    classes: ['maoi'],
    source: MAOI,
  },
  {
    id: 'linezolid',
    name: 'linezolid',
    aliases: ['zyvox'],
    classes: ['maoi', 'serotonergic'],
    source: `${MAOI}; ${SEROTONERGIC}`,
  },
  {
    id: 'methylene_blue',
    name: 'methylene blue',
    aliases: ['provayblue', 'methylthioninium'],
    classes: ['maoi'],
    source: MAOI,
  },
  // Triptans
  {
    id: 'sumatriptan',
    name: 'sumatriptan',
    aliases: ['imitrex', 'imigran', 'tosymra', 'onzetra'],
    classes: ['triptan', 'serotonergic'],
    source: SEROTONERGIC,
  },
  {
    id: 'rizatriptan',
    name: 'rizatriptan',
    aliases: ['maxalt'],
    classes: ['triptan', 'serotonergic'],
    source: SEROTONERGIC,
  },
  {
    id: 'zolmitriptan',
    name: 'zolmitriptan',
    aliases: ['zomig'],
    classes: ['triptan', 'serotonergic'],
    source: SEROTONERGIC,
  },
  {
    id: 'st_johns_wort',
    name: "St John's wort",
    aliases: ['st johns wort', 'saint johns wort', 'hypericum', 'hypericum perforatum'],
    classes: ['serotonergic'],
    source: SEROTONERGIC,
  },
  // Enzyme inhibitors named in sections 1 and 2
  {
    id: 'ciprofloxacin',
    name: 'ciprofloxacin',
    aliases: ['cipro', 'ciproxin'],
    classes: ['strong_cyp1a2_inhibitor'],
    source:
      'medication-safety.md §2 (clozapine + strong CYP1A2 inhibitors); clozapine label, Drug Interactions',
  },
  {
    id: 'cimetidine',
    name: 'cimetidine',
    aliases: ['tagamet'],
    classes: ['cyp2c19_inhibitor'],
    source:
      'medication-safety.md §1 (citalopram 20 mg with cimetidine); citalopram label, Dosage and Administration',
  },
  // QT-prolonging drugs
  { id: 'ondansetron', name: 'ondansetron', aliases: ['zofran'], classes: ['qt_prolonging'], source: QT },
  {
    id: 'ziprasidone',
    name: 'ziprasidone',
    aliases: ['geodon'],
    classes: ['qt_prolonging', 'antipsychotic', 'second_generation_antipsychotic'],
    source: `${QT}; ziprasidone label, QT prolongation`,
  },
];

/** Lower case, brand marks and apostrophes dropped, letters and digits split ("400mg" → "400 mg"). */
function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’'`´®™]/g, '')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .map((t) => (t === 'saint' ? 'st' : t));
}

interface Alias {
  tokens: string[];
  row: OtherMedicineRow;
}
const aliases: Alias[] = otherMedicines.flatMap((row) =>
  [row.name, row.id.replace(/_/g, ' '), ...row.aliases].map((a) => ({ tokens: tokensOf(a), row })),
);

function positionOf(text: string[], alias: string[]): number {
  for (let i = 0; i + alias.length <= text.length; i++) {
    if (alias.every((t, j) => text[i + j] === t)) return i;
  }
  return -1;
}

/** Every dictionary row named in the text, in the order they appear (a combination product names two). */
export function matchOtherMedicines(text: string): OtherMedicineRow[] {
  const tokens = tokensOf(text);
  const found = new Map<string, { row: OtherMedicineRow; at: number }>();
  for (const alias of aliases) {
    const at = positionOf(tokens, alias.tokens);
    if (at < 0) continue;
    const seen = found.get(alias.row.id);
    if (!seen || at < seen.at) found.set(alias.row.id, { row: alias.row, at });
  }
  return [...found.values()].sort((a, b) => a.at - b.at).map((f) => f.row);
}

/**
 * The dictionary row a free-text "other medicine" names, or null. Case-insensitive, whole words only
 * ("cipro" matches, "ciprofloxacin" too, "ms" alone does not), tolerant of dose text ("ibuprofen 400mg",
 * "Advil 200 mg twice daily"). When the text names several, the first one named.
 */
export function matchOtherMedicine(text: string): OtherMedicineRow | null {
  return matchOtherMedicines(text)[0] ?? null;
}

export interface OtherMedicineMatch {
  /** The first row's id; several rows' ids joined by "+" when the text names more than one. */
  id: string;
  name: string;
  classes: InteractionClass[];
  source: string;
}

const PSYCHIATRIC_SOURCE =
  'medication-safety.md §2 via the catalogue classes (drug-classes.ts) and brand names (names.ts)';

/**
 * A psychiatric medicine prescribed outside Duet ("Zoloft from my GP", "lithium carbonate ER"): resolved
 * to the catalogue's generic name by brand, salt or generic word, with the catalogue's interaction classes,
 * so it takes part in the same checks as a Duet prescription.
 */
export function psychiatricMatch(
  text: string,
  clinicNames: readonly ClinicOtherName[] = [],
): OtherMedicineRow | null {
  const generics = Object.keys(drugClassTable);
  // The clinic's own names of its catalogue entries (a national brand) resolve too (issue 11).
  const resolved = resolveMedicationName(text, generics, clinicNames)?.genericName;
  const tokens = tokensOf(text);
  const generic = resolved ?? generics.find((g) => positionOf(tokens, tokensOf(g)) >= 0) ?? null;
  if (generic === null) return null;
  return {
    id: generic.replace(/ /g, '_'),
    name: generic,
    aliases: [],
    classes: defaultInteractionClasses(generic),
    source: PSYCHIATRIC_SOURCE,
  };
}

/**
 * One match for a free-text entry: every dictionary row it names counts, so "ibuprofen and lisinopril"
 * misses neither, and a psychiatric medicine from elsewhere counts with its catalogue classes.
 */
export function otherMedicineMatch(
  text: string,
  clinicNames: readonly ClinicOtherName[] = [],
): OtherMedicineMatch | null {
  const psychiatric = psychiatricMatch(text, clinicNames);
  const rows = [...matchOtherMedicines(text), ...(psychiatric ? [psychiatric] : [])];
  if (rows.length === 0) return null;
  return {
    id: rows.map((r) => r.id).join('+'),
    name: rows.map((r) => r.name).join(' + '),
    classes: [...new Set(rows.flatMap((r) => r.classes))],
    source: [...new Set(rows.map((r) => r.source))].join(' | '),
  };
}
