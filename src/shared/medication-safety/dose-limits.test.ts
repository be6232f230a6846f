import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { doseLimitTable, defaultDoseLimits } from './dose-limits.js';
import { catalogueSeed } from '../medications/catalogue-seed.js';
import { emptyMedicationSafetyContext, type MedicationSafetyContext } from './context.js';
import { checkPrescription, doseRangeFor, dosesPerDay, type CheckedMedicine } from './prescribing-check.js';
import type { DrugFacts } from './drug-classes.js';
import { defaultInteractionClasses } from './drug-classes.js';

const ctx = (over: Partial<MedicationSafetyContext> = {}): MedicationSafetyContext => ({
  ...emptyMedicationSafetyContext,
  ...over,
});
const drug = (genericName: string, form = 'tablet'): CheckedMedicine => ({
  label: genericName,
  genericName,
  drugClass: null,
  classes: defaultInteractionClasses(genericName),
  origin: 'prescription',
  limits: defaultDoseLimits(genericName),
  formText: form,
});
const daily = { kind: 'times' as const, times: ['08:00'] };
const prescribed = (g: string, mg: number, c = ctx(), form = 'tablet', others: DrugFacts[] = [], times = 1) =>
  checkPrescription({
    medicine: drug(g, form),
    doses: [
      {
        path: 'body.doseAmount',
        unitPath: 'body.doseUnit',
        label: 'The dose',
        amount: mg / times,
        unit: 'mg',
        schedule: times === 1 ? daily : { kind: 'times', times: ['08:00', '14:00', '20:00'].slice(0, times) },
      },
    ],
    steps: [],
    stepsAfter: null,
    prescriptions: others,
    context: c,
    resolve: () => null,
  });

// medication-safety.md §1: [medication, form, label maximum mg/day]
const labelRows: [string, string, number | null][] = [
  ['sertraline', 'tablet', 200],
  ['fluoxetine', 'capsule', 80],
  ['citalopram', 'tablet', 40],
  ['escitalopram', 'tablet', 20],
  ['paroxetine', 'tablet', 60],
  ['paroxetine', 'CR tablet', 75],
  ['fluvoxamine', 'tablet', 300],
  ['venlafaxine', 'tablet', 225],
  ['duloxetine', 'capsule', 120],
  ['desvenlafaxine', 'tablet', 400],
  ['bupropion', 'tablet', 450],
  ['bupropion', 'SR tablet', 400],
  ['bupropion', 'XL tablet', 450],
  ['mirtazapine', 'tablet', 45],
  ['trazodone', 'tablet', 400],
  ['vortioxetine', 'tablet', 20],
  ['buspirone', 'tablet', 60],
  ['hydroxyzine', 'tablet', 400],
  ['alprazolam', 'tablet', 10],
  ['lorazepam', 'tablet', 10],
  ['clonazepam', 'tablet', 4],
  ['diazepam', 'tablet', 40],
  ['lithium', 'tablet', null],
  ['lamotrigine', 'tablet', 400],
  ['quetiapine', 'tablet', 800],
  ['aripiprazole', 'tablet', 30],
  ['olanzapine', 'tablet', 20],
  ['risperidone', 'tablet', 16],
  ['lurasidone', 'tablet', 160],
  ['clozapine', 'tablet', 900],
  ['methylphenidate', 'tablet', 60],
  ['methylphenidate', 'OROS extended-release tablet', 72],
  ['amphetamine', 'tablet', 40],
  ['atomoxetine', 'capsule', 100],
  ['prazosin', 'capsule', 20],
];

describe('label maxima (medication-safety.md §1)', () => {
  it('has a row, with its source, for every catalogue medication', () => {
    for (const e of catalogueSeed) {
      const row = doseLimitTable[e.genericName];
      expect(row, e.genericName).toBeDefined();
      expect(row?.source).toMatch(/label/);
    }
  });
  it.each(labelRows)('%s (%s): maximum %s mg a day', (g, form, max) => {
    if (max === null) {
      expect(prescribed(g, 5000, ctx(), form).overMaximum).toEqual([]);
      expect(doseRangeFor(drug(g).limits!, form, ctx(), []).patientMaxMgPerDay).toBeNull();
      return;
    }
    // bupropion IR: 450 mg a day as 3 × 150 mg (its single-dose maximum)
    const times = g === 'bupropion' && form === 'tablet' ? 3 : 1;
    expect(prescribed(g, max, ctx(), form, [], times).overMaximum).toEqual([]);
    const over = prescribed(g, max + 0.6, ctx(), form, [], times).overMaximum;
    expect(over).toHaveLength(1);
    expect(over[0]?.path).toBe('body.doseAmount');
    expect(over[0]?.maxMgPerDay).toBe(max);
  });
  it('bupropion IR: a single dose above 150 mg needs a reason even within the daily maximum', () => {
    expect(prescribed('bupropion', 200, ctx(), 'tablet').overMaximum[0]?.message).toMatch(/single-dose/);
    expect(prescribed('bupropion', 300, ctx(), 'XL tablet').overMaximum).toEqual([]);
  });
  it('a unit that cannot be compared is refused at the unit field; lithium (no fixed maximum) takes any unit', () => {
    const dose = (g: string, unit: string) =>
      checkPrescription({
        medicine: drug(g),
        doses: [
          {
            path: 'body.doseAmount',
            unitPath: 'body.doseUnit',
            label: 'The dose',
            amount: 10,
            unit,
            schedule: daily,
          },
        ],
        steps: [],
        stepsAfter: null,
        prescriptions: [],
        context: ctx(),
        resolve: () => null,
      });
    expect(dose('sertraline', 'mL').fieldErrors).toEqual([
      { path: 'body.doseUnit', message: expect.stringMatching(/label maximum is in mg/) as string },
    ]);
    expect(dose('lithium', 'mL').fieldErrors).toEqual([]);
  });
  it('counts every dose of the day (citalopram 30 mg twice daily = 60 mg)', () => {
    const r = checkPrescription({
      medicine: drug('citalopram'),
      doses: [
        {
          path: 'body.doseAmount',
          unitPath: 'body.doseUnit',
          label: 'The dose',
          amount: 30,
          unit: 'mg',
          schedule: { kind: 'times', times: ['08:00', '20:00'] },
        },
      ],
      steps: [],
      stepsAfter: null,
      prescriptions: [],
      context: ctx(),
      resolve: () => null,
    });
    expect(r.overMaximum[0]?.doseMgPerDay).toBe(60);
  });
});

const cimetidine = { name: 'Tagamet', matchedId: 'cimetidine', matchedName: 'cimetidine', classes: [] };
const inhibitor2d6: DrugFacts = {
  label: 'Paroxetine',
  genericName: 'paroxetine',
  drugClass: 'SSRI',
  classes: defaultInteractionClasses('paroxetine'),
  origin: 'prescription',
};
const valproate: DrugFacts = {
  label: 'Valproic acid',
  genericName: 'valproic acid',
  drugClass: 'anticonvulsant',
  classes: defaultInteractionClasses('valproic acid'),
  origin: 'prescription',
};
const itraconazole = {
  name: 'itraconazole',
  matchedId: 'x',
  matchedName: 'itraconazole',
  classes: ['strong_cyp3a4_inhibitor' as const],
};

// Special populations (§1): [medication, form, context, other prescriptions, reduced maximum]
const reducedRows: [string, string, string, MedicationSafetyContext, DrugFacts[], number][] = [
  ['citalopram', 'tablet', 'age 61', ctx({ ageYears: 61 }), [], 20],
  [
    'citalopram',
    'tablet',
    'CYP2C19 poor metabolizer',
    ctx({ conditions: ['cyp2c19_poor_metabolizer'] }),
    [],
    20,
  ],
  ['citalopram', 'tablet', 'with cimetidine', ctx({ otherMedicines: [cimetidine] }), [], 20],
  ['escitalopram', 'tablet', 'age 65', ctx({ ageYears: 65 }), [], 10],
  ['escitalopram', 'tablet', 'hepatic impairment', ctx({ conditions: ['hepatic_impairment'] }), [], 10],
  ['paroxetine', 'tablet', 'elderly IR', ctx({ ageYears: 70 }), [], 40],
  ['paroxetine', 'CR tablet', 'elderly CR', ctx({ ageYears: 70 }), [], 50],
  ['vortioxetine', 'tablet', 'with paroxetine', ctx(), [inhibitor2d6], 10],
  ['lamotrigine', 'tablet', 'with valproate', ctx(), [valproate], 100],
  ['aripiprazole', 'tablet', 'with paroxetine', ctx(), [inhibitor2d6], 15],
  ['aripiprazole', 'tablet', 'with itraconazole', ctx({ otherMedicines: [itraconazole] }), [], 15],
  ['lurasidone', 'tablet', 'renal impairment', ctx({ conditions: ['renal_impairment'] }), [], 80],
  ['lurasidone', 'tablet', 'hepatic impairment', ctx({ conditions: ['hepatic_impairment'] }), [], 80],
  ['atomoxetine', 'capsule', 'with paroxetine', ctx(), [inhibitor2d6], 80],
];

describe('special-population maxima (§1)', () => {
  it.each(reducedRows)('%s (%s) %s: %s mg a day', (g, form, _why, c, others, max) => {
    const range = doseRangeFor(drug(g).limits!, form, c, others);
    expect(range.patientMaxMgPerDay).toBe(max);
    expect(range.reducedBecause.length).toBeGreaterThan(0);
    expect(prescribed(g, max, c, form, others).overMaximum).toEqual([]);
    expect(prescribed(g, max + 1, c, form, others).overMaximum[0]?.message).toMatch(/for this patient/);
  });
  it('citalopram at 60 exactly is not reduced (age > 60)', () => {
    expect(
      doseRangeFor(drug('citalopram').limits!, 'tablet', ctx({ ageYears: 60 }), []).patientMaxMgPerDay,
    ).toBe(40);
  });
  it('valproate: 60 mg/kg a day with a weight; without one, says so and does not guess', () => {
    for (const g of ['valproic acid', 'divalproex sodium']) {
      expect(prescribed(g, 4200, ctx({ weightKg: 70 })).overMaximum).toEqual([]);
      expect(prescribed(g, 4201, ctx({ weightKg: 70 })).overMaximum).toHaveLength(1);
      const noWeight = prescribed(g, 9000, ctx());
      expect(noWeight.overMaximum).toEqual([]);
      expect(noWeight.range?.missingWeight).toBe(true);
      expect(noWeight.warnings.map((w) => w.id)).toContain('missing_weight');
    }
  });
});

describe('range checks (property)', () => {
  it('a daily total is refused exactly when it is above the maximum', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...labelRows.filter((r) => r[2] !== null && r[1] === 'tablet' && r[0] !== 'bupropion'),
        ),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        ([g, form, max], amount, times) => {
          const schedule = {
            kind: 'times' as const,
            times: Array.from({ length: times }, (_, i) => `0${String(i)}:00`),
          };
          const r = checkPrescription({
            medicine: drug(g, form),
            doses: [{ path: 'p', unitPath: 'u', label: 'The dose', amount, unit: 'mg', schedule }],
            steps: [],
            stepsAfter: null,
            prescriptions: [],
            context: ctx(),
            resolve: () => null,
          });
          expect(r.overMaximum.length === 1).toBe(amount * times > (max ?? Infinity) + 1e-9);
        },
      ),
    );
  });
  it('doses per day never below 1 for every-N-hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 72 }), (h) => {
        const n = dosesPerDay({ kind: 'every_n_hours', everyHours: h });
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n * h).toBeGreaterThanOrEqual(24);
      }),
    );
  });
});
