/**
 * Label maximum daily doses, adults, oral (issue 11), transcribed from shared/clinical/medication-safety.md
 * section 1. Source of every row: the FDA-approved label (DailyMed, "Dosage and Administration"), unless the
 * row names another. Each clinic gets these as its catalogue's starting values; a clinic admin may change
 * them (the catalogue marks a changed value with who and when). Versioned: bump DOSE_LIMITS_VERSION when a
 * row changes.
 *
 * Product policy: when the label gives several maxima by indication (e.g. alprazolam 4 for anxiety, 10 for
 * panic disorder) the highest is the limit and the lower ones are shown to the prescriber as notes, because
 * Duet does not record the indication. Above the limit is allowed only with a recorded reason.
 */
export const DOSE_LIMITS_VERSION = '2026-12-06.1';
const LABEL = 'FDA label (DailyMed), Dosage and Administration; medication-safety.md §1';

/** What makes a special-population maximum apply (all from the patient's record). */
export type PopulationTrigger =
  | 'age_over_60'
  | 'elderly'
  | 'hepatic_impairment'
  | 'renal_impairment'
  | 'cyp2c19_poor_metabolizer'
  | 'with_cimetidine'
  | 'with_strong_cyp2d6_inhibitor'
  | 'with_strong_cyp3a4_inhibitor'
  | 'with_valproate';

export const populationTriggerWords: Record<PopulationTrigger, string> = {
  age_over_60: 'age over 60',
  elderly: 'age 65 or over',
  hepatic_impairment: 'liver (hepatic) impairment',
  renal_impairment: 'kidney (renal) impairment',
  cyp2c19_poor_metabolizer: 'CYP2C19 poor metabolizer',
  with_cimetidine: 'taking cimetidine',
  with_strong_cyp2d6_inhibitor: 'taking a strong CYP2D6 inhibitor',
  with_strong_cyp3a4_inhibitor: 'taking a strong CYP3A4 inhibitor',
  with_valproate: 'taking valproate',
};

/** One maximum for one formulation; `match` words in the form or name pick it (none = the default). */
export interface FormulationMaximum {
  formulation: string | null;
  match: string[];
  /** null = no fixed maximum (lithium: dosed to serum level). */
  maxMgPerDay: number | null;
  /** true = maxMgPerDay is per kg of body weight per day (valproate). */
  perKg: boolean;
  /** Largest single dose, where the label names one (bupropion IR 150 mg). */
  maxSingleDoseMg: number | null;
}

export interface ReducedMaximum {
  /** Any one of these applies the reduced maximum. */
  when: PopulationTrigger[];
  maxMgPerDay: number;
  /** Only for this formulation (null = all). */
  formulation: string | null;
  text: string;
  source: string;
}

export interface DoseLimits {
  unit: 'mg';
  maxima: FormulationMaximum[];
  reduced: ReducedMaximum[];
  /** The reference row in words, shown beside the dose field. */
  labelText: string;
  /** Lower figures by indication and advice that is not a maximum. */
  notes: string[];
  source: string;
  version: string;
}

const one = (maxMgPerDay: number | null, extra: Partial<FormulationMaximum> = {}): FormulationMaximum[] => [
  { formulation: null, match: [], maxMgPerDay, perKg: false, maxSingleDoseMg: null, ...extra },
];
const limits = (
  maxima: FormulationMaximum[],
  labelText: string,
  reduced: ReducedMaximum[] = [],
  notes: string[] = [],
): DoseLimits => ({
  unit: 'mg',
  maxima,
  reduced,
  labelText,
  notes,
  source: LABEL,
  version: DOSE_LIMITS_VERSION,
});
const reduce = (
  when: PopulationTrigger[],
  maxMgPerDay: number,
  text: string,
  formulation: string | null = null,
): ReducedMaximum => ({ when, maxMgPerDay, formulation, text, source: LABEL });

const EXTENDED = ['xl', 'er', 'xr', 'cr', 'extended', 'controlled', 'sustained', 'sr', 'oros', 'modified'];

/** Section 1 rows by catalogue generic name. */
export const doseLimitTable: Readonly<Record<string, DoseLimits>> = {
  sertraline: limits(one(200), 'Up to 200 mg a day.'),
  fluoxetine: limits(one(80), 'Up to 80 mg a day.'),
  citalopram: limits(one(40), 'Up to 40 mg a day (QT prolongation above).', [
    reduce(
      ['age_over_60', 'cyp2c19_poor_metabolizer', 'with_cimetidine'],
      20,
      '20 mg a day if over 60, a CYP2C19 poor metabolizer, or taking cimetidine.',
    ),
  ]),
  escitalopram: limits(one(20), 'Up to 20 mg a day.', [
    reduce(
      ['elderly', 'hepatic_impairment'],
      10,
      '10 mg a day recommended if elderly or with liver impairment.',
    ),
  ]),
  paroxetine: limits(
    [
      { formulation: 'IR', match: [], maxMgPerDay: 60, perKg: false, maxSingleDoseMg: null },
      { formulation: 'CR', match: EXTENDED, maxMgPerDay: 75, perKg: false, maxSingleDoseMg: null },
    ],
    'Up to 60 mg a day immediate-release (50 in depression); 75 mg controlled-release (62.5 in depression).',
    [
      reduce(['elderly'], 40, '40 mg a day (immediate-release) in the elderly.', 'IR'),
      reduce(['elderly'], 50, '50 mg a day (controlled-release) in the elderly.', 'CR'),
    ],
    ['In depression: 50 mg a day (IR), 62.5 mg (CR).'],
  ),
  fluvoxamine: limits(one(300), 'Up to 300 mg a day.'),
  venlafaxine: limits(
    one(225),
    'Up to 225 mg a day as an outpatient.',
    [],
    ['Immediate-release up to 375 mg a day in severe depression (inpatients).'],
  ),
  duloxetine: limits(one(120), 'Up to 120 mg a day.'),
  desvenlafaxine: limits(
    one(400),
    '400 mg a day studied; 50 mg recommended.',
    [],
    ['No added benefit above 50 mg a day.'],
  ),
  bupropion: limits(
    [
      { formulation: 'IR', match: [], maxMgPerDay: 450, perKg: false, maxSingleDoseMg: 150 },
      {
        formulation: 'SR',
        match: ['sr', 'sustained'],
        maxMgPerDay: 400,
        perKg: false,
        maxSingleDoseMg: null,
      },
      {
        formulation: 'XL',
        match: ['xl', 'er', 'extended'],
        maxMgPerDay: 450,
        perKg: false,
        maxSingleDoseMg: null,
      },
    ],
    'Up to 450 mg a day (IR and XL), 400 mg (SR); a single IR dose at most 150 mg.',
    [],
    ['Seizure risk rises with dose.'],
  ),
  mirtazapine: limits(one(45), 'Up to 45 mg a day.'),
  trazodone: limits(one(400), 'Up to 400 mg a day as an outpatient (600 inpatient).'),
  vortioxetine: limits(one(20), 'Up to 20 mg a day.', [
    reduce(['with_strong_cyp2d6_inhibitor'], 10, '10 mg a day with a strong CYP2D6 inhibitor.'),
  ]),
  buspirone: limits(one(60), 'Up to 60 mg a day.'),
  hydroxyzine: limits(
    one(400),
    'Up to 400 mg a day (anxiety: 50-100 mg four times daily).',
    [],
    ['Elderly: the lowest dose (QT, anticholinergic effects).'],
  ),
  alprazolam: limits(
    one(10),
    'Up to 4 mg a day for anxiety, 10 mg for panic disorder.',
    [],
    ['Anxiety: 4 mg a day.', 'Elderly or liver impairment: start 0.25 mg two or three times daily.'],
  ),
  lorazepam: limits(one(10), 'Up to 10 mg a day.'),
  clonazepam: limits(one(4), 'Up to 4 mg a day (panic disorder).'),
  diazepam: limits(one(40), 'Up to 40 mg a day.'),
  lithium: limits(one(null), 'No fixed maximum: dosed to the serum level.'),
  lamotrigine: limits(
    one(400),
    'Up to 400 mg a day (200 target in bipolar maintenance).',
    [reduce(['with_valproate'], 100, '100 mg a day target with valproate.')],
    ['Titration must follow the label schedule (rash risk).'],
  ),
  'valproic acid': limits(one(60, { perKg: true }), 'Up to 60 mg per kg of body weight a day.'),
  'divalproex sodium': limits(one(60, { perKg: true }), 'Up to 60 mg per kg of body weight a day.'),
  quetiapine: limits(one(800), 'Up to 800 mg a day.'),
  aripiprazole: limits(
    one(30),
    'Up to 30 mg a day (15 as add-on in depression).',
    [
      reduce(
        ['with_strong_cyp2d6_inhibitor', 'with_strong_cyp3a4_inhibitor'],
        15,
        'Half the dose (15 mg a day) with a strong CYP2D6 or CYP3A4 inhibitor.',
      ),
    ],
    ['Add-on in depression: 15 mg a day.'],
  ),
  olanzapine: limits(one(20), 'Up to 20 mg a day.'),
  risperidone: limits(
    one(16),
    'Up to 16 mg a day (6 is the usual ceiling).',
    [],
    ['Little benefit above 6 mg a day.'],
  ),
  lurasidone: limits(
    one(160),
    'Up to 160 mg a day (schizophrenia), 120 mg (bipolar depression).',
    [
      reduce(
        ['renal_impairment', 'hepatic_impairment'],
        80,
        '80 mg a day with moderate kidney or liver impairment.',
      ),
    ],
    ['Bipolar depression: 120 mg a day.'],
  ),
  clozapine: limits(one(900), 'Up to 900 mg a day.', [], ['Titrate from 12.5 mg.']),
  methylphenidate: limits(
    [
      { formulation: 'IR', match: [], maxMgPerDay: 60, perKg: false, maxSingleDoseMg: null },
      { formulation: 'OROS', match: EXTENDED, maxMgPerDay: 72, perKg: false, maxSingleDoseMg: null },
    ],
    'Up to 60 mg a day (IR), 72 mg (OROS).',
  ),
  amphetamine: limits(one(40), 'Up to 40 mg a day (mixed salts, IR).'),
  atomoxetine: limits(one(100), 'Up to 100 mg a day.', [
    reduce(
      ['with_strong_cyp2d6_inhibitor'],
      80,
      '80 mg a day with a strong CYP2D6 inhibitor (reach it slowly).',
    ),
  ]),
  prazosin: limits(
    one(20),
    'Up to 20 mg a day (label, hypertension).',
    [],
    ['First dose at bedtime (fainting).', 'Higher doses in some nightmare trials.'],
  ),
};

/** The starting dose limits of a catalogue generic name (a copy the catalogue may change), or null. */
export function defaultDoseLimits(genericName: string): DoseLimits | null {
  const row = doseLimitTable[genericName.trim().toLowerCase()];
  return row ? structuredClone(row) : null;
}
