import type { AnalyteCode } from './lab-units.js';

/**
 * Laboratory ranges and what to do at each level: medication-safety.md §3, one row per range, each with its
 * source. Values are in the analyte's canonical unit (lab-units.ts); ALT/AST bands are multiples of the upper
 * limit of normal. Bands are read in order and the first that matches wins; the last band always matches.
 *
 * Tiers (what Duet does with a result):
 * - critical: urgent alert to the prescriber and the whole care team (escalates like any urgent alert);
 * - high: alert to the prescriber, today (severity high);
 * - abnormal: routine alert to the prescriber;
 * - normal: no alert (the result may still be outside the range where the reference names no action).
 */
export const LAB_RANGES_VERSION = '2026-12-06';

export const labTiers = ['normal', 'abnormal', 'high', 'critical'] as const;
export type LabTier = (typeof labTiers)[number];
export const labDirections = ['low', 'in_range', 'high'] as const;
export type LabDirection = (typeof labDirections)[number];

export interface LabBand {
  /** Bounds on the canonical value (all given bounds must hold). */
  when: { gt?: number; gte?: number; lt?: number; lte?: number };
  tier: LabTier;
  direction: LabDirection;
  /** What the level is, e.g. 'Moderate neutropenia'. */
  label: string;
  /** What to do, in the prescriber's words. */
  action: string;
  /** Repeat the test this many days after this result (the label's follow-up), e.g. daily ANC = 1. */
  followUpDays?: number;
  followUpText?: string;
  /** Interrupt the medication (clozapine label). */
  interrupt?: boolean;
  /** Advice for the patient to seek emergency care now. */
  emergencyAdvice?: string;
  /** True when Duet chose this band where the reference is silent. */
  productPolicy?: boolean;
}

export type LabRangeId =
  | 'lithium_level'
  | 'anc_general'
  | 'anc_ben'
  | 'valproate_level'
  | 'platelets'
  | 'alt'
  | 'ast'
  | 'tsh'
  | 'egfr'
  | 'creatinine'
  | 'calcium';

export interface LabRange {
  id: LabRangeId;
  analyte: AnalyteCode;
  label: string;
  /** The target / normal range as people read it. */
  target: string;
  /** Bands are multiples of the upper limit of normal (ALT, AST). */
  relativeToUpperLimit?: boolean;
  bands: LabBand[];
  source: string;
}

// "3 times weekly" (clozapine label) read as: the next count 2 days after this one (product reading).
const THREE_TIMES_WEEKLY_DAYS = 2;
const reviewAtNextResult =
  'No alert (the reference names no action at this level); review with the next result.';

export const labRanges: LabRange[] = [
  {
    id: 'lithium_level',
    analyte: 'lithium',
    label: 'Serum lithium (12 hours after the last dose)',
    target: '0.6-1.2 mmol/L (maintenance often 0.6-1.0)',
    source: 'Lithium label (medication-safety.md §3)',
    bands: [
      {
        when: { gte: 2.0 },
        tier: 'critical',
        direction: 'high',
        label: 'Lithium level 2.0 mmol/L or more: toxicity',
        action: 'Urgent: contact the patient now, hold lithium and arrange emergency assessment.',
        emergencyAdvice:
          'Tell the patient not to take more lithium and to go to the emergency department now (or call the emergency number).',
      },
      {
        when: { gte: 1.5 },
        tier: 'critical',
        direction: 'high',
        label: 'Lithium level 1.5 mmol/L or more: toxicity',
        action:
          'Urgent: contact the patient today, ask about toxicity (tremor, vomiting, diarrhoea, confusion, unsteadiness), hold or reduce lithium and repeat the level.',
      },
      {
        when: { gt: 1.2 },
        tier: 'high',
        direction: 'high',
        label: 'Lithium level above 1.2 mmol/L',
        action:
          'Prescriber review today: check the sample was taken 12 hours after the last dose, ask about toxicity symptoms and review the dose.',
      },
      {
        when: { gte: 0.6 },
        tier: 'normal',
        direction: 'in_range',
        label: 'Within the target range',
        action: 'Continue the monitoring schedule.',
      },
      {
        when: {},
        tier: 'normal',
        direction: 'low',
        label: 'Below the target range (0.6 mmol/L)',
        action: reviewAtNextResult,
      },
    ],
  },
  {
    id: 'anc_general',
    analyte: 'anc',
    label: 'Clozapine: absolute neutrophil count (general population)',
    target: '1500/uL or more',
    source: 'Clozapine label (2025) (medication-safety.md §3)',
    bands: [
      {
        when: { gte: 1500 },
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal range',
        action: 'Continue clozapine and the ANC schedule.',
      },
      {
        when: { gte: 1000 },
        tier: 'abnormal',
        direction: 'low',
        label: 'Mild neutropenia (1000-1499/uL)',
        action: 'Continue clozapine; ANC 3 times weekly until 1500/uL or more.',
        followUpDays: THREE_TIMES_WEEKLY_DAYS,
        followUpText: 'Mild neutropenia: ANC 3 times weekly until 1500/uL or more (clozapine label)',
        productPolicy: true,
      },
      {
        when: { gte: 500 },
        tier: 'high',
        direction: 'low',
        label: 'Moderate neutropenia (500-999/uL)',
        action: 'Interrupt clozapine today; daily ANC.',
        interrupt: true,
        followUpDays: 1,
        followUpText: 'Moderate neutropenia: daily ANC, clozapine interrupted (clozapine label)',
      },
      {
        when: {},
        tier: 'critical',
        direction: 'low',
        label: 'Severe neutropenia (below 500/uL)',
        action:
          'Urgent: interrupt clozapine now, contact the patient, check for fever or infection; daily ANC.',
        interrupt: true,
        followUpDays: 1,
        followUpText: 'Severe neutropenia: daily ANC, clozapine interrupted (clozapine label)',
      },
    ],
  },
  {
    id: 'anc_ben',
    analyte: 'anc',
    label: 'Clozapine: absolute neutrophil count (benign ethnic neutropenia)',
    target: '1000/uL or more',
    source: 'Clozapine label, benign ethnic neutropenia table (medication-safety.md §3)',
    bands: [
      {
        when: { gte: 1000 },
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal range for benign ethnic neutropenia',
        action: 'Continue clozapine and the ANC schedule.',
      },
      {
        when: { gte: 500 },
        tier: 'abnormal',
        direction: 'low',
        label: 'Neutropenia for benign ethnic neutropenia (500-999/uL)',
        action: 'Continue clozapine; ANC 3 times weekly until 1000/uL or more.',
        followUpDays: THREE_TIMES_WEEKLY_DAYS,
        followUpText: 'ANC 500-999/uL (benign ethnic neutropenia): 3 times weekly (clozapine label)',
        productPolicy: true,
      },
      {
        when: {},
        tier: 'critical',
        direction: 'low',
        label: 'Severe neutropenia (below 500/uL)',
        action:
          'Urgent: interrupt clozapine now, contact the patient, check for fever or infection; daily ANC.',
        interrupt: true,
        followUpDays: 1,
        followUpText: 'Severe neutropenia: daily ANC, clozapine interrupted (clozapine label)',
      },
    ],
  },
  {
    id: 'valproate_level',
    analyte: 'valproate',
    label: 'Valproate, total serum level',
    target: '50-100 ug/mL (mania up to 125)',
    source: 'Divalproex label (medication-safety.md §3)',
    bands: [
      {
        when: { gt: 150 },
        tier: 'critical',
        direction: 'high',
        label: 'Valproate level above 150 ug/mL',
        action:
          'Urgent: contact the patient today, check for sedation or confusion, hold or reduce the dose.',
      },
      {
        when: { gt: 125 },
        tier: 'high',
        direction: 'high',
        label: 'Valproate level above 125 ug/mL',
        action: 'Prescriber review today: check timing, symptoms and the dose.',
      },
      {
        when: { gt: 100 },
        tier: 'normal',
        direction: 'high',
        label: 'Above 50-100 ug/mL; within the range for mania (up to 125)',
        action: 'Acceptable when treating mania; otherwise review the dose.',
      },
      {
        when: { gte: 50 },
        tier: 'normal',
        direction: 'in_range',
        label: 'Within the target range',
        action: 'Continue the monitoring schedule.',
      },
      {
        when: {},
        tier: 'normal',
        direction: 'low',
        label: 'Below the target range (50 ug/mL)',
        action: reviewAtNextResult,
      },
    ],
  },
  {
    id: 'platelets',
    analyte: 'platelets',
    label: 'Valproate: platelets',
    target: '150,000/uL or more',
    source: 'Valproate label, thrombocytopenia (medication-safety.md §3)',
    bands: [
      {
        when: { lt: 50_000 },
        tier: 'critical',
        direction: 'low',
        label: 'Platelets below 50,000/uL',
        action: 'Urgent: contact the patient today, ask about bleeding or bruising, review valproate.',
      },
      {
        when: { lt: 100_000 },
        tier: 'high',
        direction: 'low',
        label: 'Platelets below 100,000/uL',
        action: 'Prescriber review today: ask about bleeding or bruising and review valproate.',
      },
      {
        when: { lt: 150_000 },
        tier: 'normal',
        direction: 'low',
        label: 'Below the normal range (150,000/uL)',
        action: reviewAtNextResult,
      },
      {
        when: {},
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal range',
        action: 'Continue the monitoring schedule.',
      },
    ],
  },
  ...(['alt', 'ast'] as const).map((analyte): LabRange => ({
    id: analyte,
    analyte,
    label: `Valproate: ${analyte.toUpperCase()}`,
    target: 'at or below the upper limit of normal',
    relativeToUpperLimit: true,
    source: 'Valproate label, boxed warning hepatotoxicity (medication-safety.md §3)',
    bands: [
      {
        when: { gt: 3 },
        tier: 'critical',
        direction: 'high',
        label: `${analyte.toUpperCase()} above 3 times the upper limit of normal`,
        action:
          'Urgent (boxed warning, hepatotoxicity): contact the patient today, ask about nausea, vomiting, jaundice or abdominal pain, and review valproate.',
      },
      {
        when: { gt: 1 },
        tier: 'normal',
        direction: 'high',
        label: 'Above the upper limit of normal (up to 3 times)',
        action: reviewAtNextResult,
      },
      {
        when: {},
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal',
        action: 'Continue the monitoring schedule.',
      },
    ],
  })),
  // Lithium: TSH, creatinine/eGFR, calcium: "out of range: prescriber" (lithium label / NICE CG185). The ranges
  // themselves are not in the reference: common adult laboratory reference intervals (product defaults).
  outOfRange(
    'tsh',
    'tsh',
    'Lithium: TSH',
    0.4,
    4.0,
    'mIU/L',
    'TSH 0.4-4.0 mIU/L: common adult reference interval',
  ),
  {
    id: 'egfr',
    analyte: 'egfr',
    label: 'Lithium: eGFR',
    target: '60 mL/min/1.73m2 or more',
    source: 'Lithium label / NICE CG185 (prescriber when out of range); 60 = KDIGO 2012 CKD threshold',
    bands: [
      {
        when: { gte: 60 },
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal range',
        action: 'Continue the monitoring schedule.',
      },
      {
        when: {},
        tier: 'abnormal',
        direction: 'low',
        label: 'eGFR below 60 mL/min/1.73m2',
        action: 'Prescriber: review kidney function and the lithium dose.',
      },
    ],
  },
  outOfRange(
    'creatinine',
    'creatinine',
    'Lithium: creatinine',
    45,
    115,
    'umol/L',
    'creatinine 45-115 umol/L (0.5-1.3 mg/dL): common adult reference interval',
  ),
  outOfRange(
    'calcium',
    'calcium',
    'Lithium: calcium',
    2.15,
    2.6,
    'mmol/L',
    'calcium 2.15-2.60 mmol/L (8.6-10.4 mg/dL): common adult reference interval',
  ),
];

function outOfRange(
  id: LabRangeId,
  analyte: AnalyteCode,
  label: string,
  low: number,
  high: number,
  unit: string,
  interval: string,
): LabRange {
  const name = label.replace('Lithium: ', '');
  return {
    id,
    analyte,
    label,
    target: `${String(low)}-${String(high)} ${unit}`,
    source: `Lithium label / NICE CG185 (prescriber when out of range); ${interval} (product default; the laboratory's own range prevails)`,
    bands: [
      {
        when: { lt: low },
        tier: 'abnormal',
        direction: 'low',
        label: `${name} below ${String(low)} ${unit}`,
        action: `Prescriber: review the ${name} result with lithium in mind.`,
      },
      {
        when: { gt: high },
        tier: 'abnormal',
        direction: 'high',
        label: `${name} above ${String(high)} ${unit}`,
        action: `Prescriber: review the ${name} result with lithium in mind.`,
      },
      {
        when: {},
        tier: 'normal',
        direction: 'in_range',
        label: 'Normal range',
        action: 'Continue the monitoring schedule.',
      },
    ],
  };
}

/**
 * Upper limit of normal for ALT and AST when neither the result nor the clinic gives one. PRODUCT DEFAULT
 * (a common laboratory reference limit); the laboratory's own limit on the report takes precedence.
 */
export const DEFAULT_UPPER_LIMIT_OF_NORMAL = {
  alt: {
    value: 40,
    unit: 'U/L',
    source: 'Product default (common laboratory upper limit); the report’s own limit prevails',
  },
  ast: {
    value: 40,
    unit: 'U/L',
    source: 'Product default (common laboratory upper limit); the report’s own limit prevails',
  },
} as const;

export function labRange(id: LabRangeId): LabRange {
  const range = labRanges.find((r) => r.id === id);
  if (!range) throw new Error(`Unknown lab range ${id}`);
  return range;
}

/** The first band of `range` that `value` (canonical, or x ULN) falls in. */
export function bandOf(range: LabRange, value: number): LabBand {
  for (const band of range.bands) {
    const w = band.when;
    if (w.gt !== undefined && !(value > w.gt)) continue;
    if (w.gte !== undefined && !(value >= w.gte)) continue;
    if (w.lt !== undefined && !(value < w.lt)) continue;
    if (w.lte !== undefined && !(value <= w.lte)) continue;
    return band;
  }
  throw new Error(`No band of ${range.id} matches ${String(value)}`);
}
