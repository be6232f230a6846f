import type { MedicationSafetyContext } from './context.js';
import type { DoseLimits, FormulationMaximum, PopulationTrigger, ReducedMaximum } from './dose-limits.js';
import { populationTriggerWords } from './dose-limits.js';
import type { DrugFacts } from './drug-classes.js';
import { checkAllergies } from './allergies.js';
import { checkCombinations, checkConditions, matches, type SafetyWarning } from './interactions.js';
import { checkStepOrder } from './steps.js';
import { mgText, toMilligrams } from './units.js';

/**
 * The prescribing checks of issue 11 in one pure function, used by the server (authoritative, on every start,
 * dose change and titration plan) and by the web form (immediate feedback): units, the label maximum for this
 * patient, step order, curated combinations, conditions and allergies.
 */

/** A schedule as far as a daily total needs it (shared/medications/schedule.ts DoseSchedule). */
export type ScheduleShape =
  | { kind: 'times'; times: readonly string[] }
  | { kind: 'every_n_hours'; everyHours: number }
  | { kind: 'as_needed'; maxPerDay: number };

/** Doses a day: distinct times; every N hours counts the doses that fit in 24 hours; as needed, the maximum. */
export function dosesPerDay(schedule: ScheduleShape): number {
  if (schedule.kind === 'times') return new Set(schedule.times).size;
  if (schedule.kind === 'as_needed') return schedule.maxPerDay;
  return Math.ceil(24 / Math.max(1, schedule.everyHours));
}

export interface PrescribedDose {
  /** Field of the amount, e.g. 'body.doseAmount' or 'body.steps.1.doseAmount'. */
  path: string;
  unitPath: string;
  /** Words for the message, e.g. 'The dose' or 'Step 2'. */
  label: string;
  amount: number;
  unit: string;
  schedule: ScheduleShape;
}

export interface CheckedMedicine extends DrugFacts {
  /** null: no dose limits in the catalogue for it (free text, or an entry without limits). */
  limits: DoseLimits | null;
  /** Form and name words that pick a formulation (e.g. 'extended-release tablet'). */
  formText: string;
}

export interface PrescribingCheckInput {
  medicine: CheckedMedicine;
  doses: readonly PrescribedDose[];
  /** Steps in the order given, and the day they follow (null: no start-day check). */
  steps: readonly { from: string }[];
  stepsAfter: string | null;
  /** The patient's other current prescriptions in Duet (not the one being changed). */
  prescriptions: readonly DrugFacts[];
  context: MedicationSafetyContext;
  /** Turns an allergy's substance text into a catalogue medicine's facts (allergy class check). */
  resolve: (substance: string) => DrugFacts | null;
}

export interface FieldProblem {
  path: string;
  message: string;
}

export interface OverMaximum extends FieldProblem {
  doseMgPerDay: number;
  maxMgPerDay: number;
}

/** What the form shows beside the dose: the label range and this patient's maximum. */
export interface DoseRangeView {
  labelText: string;
  formulation: string | null;
  /** The label maximum for this formulation, mg a day (per kg when perKg); null: none fixed. */
  labelMaxMgPerDay: number | null;
  perKg: boolean;
  /** The maximum for this patient (reduced, or per kg × weight); null: none or unknown. */
  patientMaxMgPerDay: number | null;
  /** Why the patient's maximum is lower, in words; empty when it is the label maximum. */
  reducedBecause: string[];
  reducedText: string | null;
  /** Set when a mg/kg limit cannot be worked out (no weight recorded). */
  missingWeight: boolean;
  maxSingleDoseMg: number | null;
  notes: string[];
  source: string;
}

export interface PrescribingCheckResult {
  /** Refused whatever the prescriber answers: wrong unit, steps out of order. */
  fieldErrors: FieldProblem[];
  /** Refused unless the prescriber records a reason for going above the maximum. */
  overMaximum: OverMaximum[];
  /** Shown to the prescriber; each needs an answer before the prescription is saved. */
  warnings: SafetyWarning[];
  range: DoseRangeView | null;
}

function pickFormulation(limits: DoseLimits, formText: string): FormulationMaximum | undefined {
  const words = new Set(
    formText
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0),
  );
  return (
    limits.maxima.find((m) => m.match.some((w) => words.has(w))) ??
    limits.maxima.find((m) => m.match.length === 0)
  );
}

function triggersOf(ctx: MedicationSafetyContext, others: readonly DrugFacts[]): Set<PopulationTrigger> {
  const t = new Set<PopulationTrigger>();
  if (ctx.ageYears !== null && ctx.ageYears > 60) t.add('age_over_60');
  if (ctx.ageYears !== null && ctx.ageYears >= 65) t.add('elderly');
  for (const c of ctx.conditions)
    if (c === 'hepatic_impairment' || c === 'renal_impairment' || c === 'cyp2c19_poor_metabolizer') t.add(c);
  for (const o of others) {
    if (o.label.toLowerCase().includes('cimetidine') || o.genericName === 'cimetidine')
      t.add('with_cimetidine');
    if (o.classes.includes('strong_cyp2d6_inhibitor')) t.add('with_strong_cyp2d6_inhibitor');
    if (o.classes.includes('strong_cyp3a4_inhibitor')) t.add('with_strong_cyp3a4_inhibitor');
    if (matches({ classes: ['valproate'], genericNames: ['valproic acid', 'divalproex sodium'] }, o))
      t.add('with_valproate');
  }
  return t;
}

/** The label range and this patient's maximum for a medicine (pure; the form shows it beside the dose). */
export function doseRangeFor(
  limits: DoseLimits,
  formText: string,
  ctx: MedicationSafetyContext,
  prescriptions: readonly DrugFacts[],
): DoseRangeView {
  const max = pickFormulation(limits, formText);
  const triggers = triggersOf(ctx, othersOf(prescriptions, ctx));
  const formulation = max?.formulation ?? null;
  const applying = limits.reduced.filter(
    (r: ReducedMaximum) =>
      (r.formulation === null || r.formulation === formulation) && r.when.some((w) => triggers.has(w)),
  );
  const lowest = applying.reduce<ReducedMaximum | null>(
    (low, r) => (low === null || r.maxMgPerDay < low.maxMgPerDay ? r : low),
    null,
  );
  const labelMax = max?.maxMgPerDay ?? null;
  const perKg = max?.perKg ?? false;
  let patientMax = labelMax;
  let missingWeight = false;
  if (labelMax !== null && perKg) {
    if (ctx.weightKg === null) {
      patientMax = null;
      missingWeight = true;
    } else patientMax = labelMax * ctx.weightKg;
  }
  if (lowest && (patientMax === null || lowest.maxMgPerDay < patientMax) && !missingWeight)
    patientMax = lowest.maxMgPerDay;
  return {
    labelText: limits.labelText,
    formulation,
    labelMaxMgPerDay: labelMax,
    perKg,
    patientMaxMgPerDay: patientMax,
    reducedBecause: lowest
      ? lowest.when.filter((w) => triggers.has(w)).map((w) => populationTriggerWords[w])
      : [],
    reducedText: lowest?.text ?? null,
    missingWeight,
    maxSingleDoseMg: max?.maxSingleDoseMg ?? null,
    notes: limits.notes,
    source: limits.source,
  };
}

function maximumWords(range: DoseRangeView): string {
  const max = range.patientMaxMgPerDay ?? 0;
  if (range.reducedBecause.length > 0)
    return `${mgText(max)} a day for this patient (${range.reducedBecause.join(', ')})`;
  if (range.perKg) return `${mgText(max)} a day (60 mg/kg a day at the recorded weight)`;
  return `${mgText(max)} a day (label maximum${range.formulation ? `, ${range.formulation}` : ''})`;
}

/** The patient's other prescriptions and the confirmed other medicines they take, as one list. */
export function othersOf(prescriptions: readonly DrugFacts[], context: MedicationSafetyContext): DrugFacts[] {
  return [
    ...prescriptions,
    ...context.otherMedicines.map((m): DrugFacts => ({
      label:
        m.matchedName && m.matchedName.toLowerCase() !== m.name.toLowerCase()
          ? `${m.name} (${m.matchedName})`
          : m.name,
      genericName: null,
      drugClass: null,
      classes: m.classes,
      origin: 'other_medicine',
    })),
  ];
}

export function checkPrescription(input: PrescribingCheckInput): PrescribingCheckResult {
  const { medicine, context } = input;
  const others = othersOf(input.prescriptions, context);
  const fieldErrors: FieldProblem[] = checkStepOrder(input.steps, input.stepsAfter).map((e) => ({
    path: e.path,
    message: e.message,
  }));
  const overMaximum: OverMaximum[] = [];
  const warnings: SafetyWarning[] = [];
  const range = medicine.limits
    ? doseRangeFor(medicine.limits, medicine.formText, context, input.prescriptions)
    : null;

  // Nothing to compare with (lithium: dosed to the serum level): any unit is accepted, e.g. mL of solution.
  const comparable = range !== null && (range.labelMaxMgPerDay !== null || range.maxSingleDoseMg !== null);
  if (medicine.limits && range && comparable) {
    for (const dose of input.doses) {
      const mg = toMilligrams(dose.amount, dose.unit);
      if (!mg.ok) {
        fieldErrors.push({ path: dose.unitPath, message: mg.message });
        continue;
      }
      const perDay = mg.mg * dosesPerDay(dose.schedule);
      const max = range.patientMaxMgPerDay;
      if (max !== null && perDay > max + 1e-9)
        overMaximum.push({
          path: dose.path,
          doseMgPerDay: perDay,
          maxMgPerDay: max,
          message: `${dose.label} makes ${mgText(perDay)} a day, above ${maximumWords(range)}. Lower it, or give a reason for going above the maximum.`,
        });
      else if (range.maxSingleDoseMg !== null && mg.mg > range.maxSingleDoseMg + 1e-9)
        overMaximum.push({
          path: dose.path,
          doseMgPerDay: perDay,
          maxMgPerDay: max ?? perDay,
          message: `${dose.label} is ${mgText(mg.mg)} at once, above the single-dose maximum of ${mgText(range.maxSingleDoseMg)} (${range.formulation ?? 'this form'}). Split it, or give a reason.`,
        });
    }
    if (range.missingWeight)
      warnings.push({
        id: 'missing_weight',
        kind: 'missing_data',
        ruleId: 'missing_weight',
        title: 'No body weight recorded: the 60 mg/kg a day maximum cannot be checked',
        effect: 'Duet does not guess a weight, so this dose has not been compared with the label maximum.',
        labelAction: 'Record the weight in the patient’s safety profile, or check the dose yourself.',
        severity: 'warning',
        source: medicine.limits.source,
      });
  }
  warnings.push(...checkCombinations(medicine, others));
  warnings.push(...checkConditions(medicine, context.conditions));
  warnings.push(...checkAllergies(medicine, context.allergies, input.resolve));
  // One answer per id: the same rule with the same other medicine twice needs one answer.
  const seen = new Set<string>();
  const unique = warnings.filter((w) => (seen.has(w.id) ? false : (seen.add(w.id), true)));
  return { fieldErrors, overMaximum, warnings: unique, range };
}
