import type { SymptomCode } from '../side-effects/symptoms.js';

/**
 * Urgent symptoms per medication and the advice the patient gets at once (shared/clinical/
 * medication-safety.md section 4; issue 11). Data with the source of every row; `assessUrgentSymptoms`
 * is the pure rule the server (authoritative: report urgency and the prescriber's alert) and the web (the
 * checklist's "watch for" symptoms) both use.
 *
 * "Stop and call" overrides the general "do not stop suddenly" advice. Physical emergencies put the
 * emergency number first; the crisis line belongs to suicidal thoughts (section 4, preamble).
 */

export const urgentSymptomsVersion = '2026-12-06';

/**
 * What the patient is told, most urgent first:
 * - emergency: call the emergency number now (physical emergency);
 * - crisis_line: new or worse thoughts of suicide: a crisis line now, the team today (the self-harm path);
 * - stop_and_call_today: do not take the next dose, contact the prescriber today;
 * - call_prescriber_today: keep taking it unless told otherwise, contact the prescriber (or team) today;
 * - call_prescriber: tell the prescriber (prazosin fainting on standing; section 4 says no "today").
 */
export const adviceKinds = [
  'emergency',
  'crisis_line',
  'stop_and_call_today',
  'call_prescriber_today',
  'call_prescriber',
] as const;
export type AdviceKind = (typeof adviceKinds)[number];
export type UrgentAlertSeverity = 'urgent' | 'high';

/** Most urgent first. */
export const kindRank: Record<AdviceKind, number> = {
  emergency: 0,
  crisis_line: 1,
  stop_and_call_today: 2,
  call_prescriber_today: 3,
  call_prescriber: 4,
};

/** Which of the patient's medications a row is about (medications.csv generic names, classes, groups). */
export interface AppliesTo {
  generics?: readonly string[];
  classes?: readonly string[];
  groups?: readonly string[];
  /** Every patient, whatever they take (suicidal thoughts: product policy, same path as PHQ-9 item 9). */
  anyone?: true;
  /** Only under 25, or within the early-treatment window after a start or dose change (section 4/5). */
  youngOrEarly?: true;
}

export interface Escalation {
  /** All of these reported together… */
  all: readonly SymptomCode[];
  /** …give this advice instead. */
  kind: AdviceKind;
  /** Plain words: why. */
  why: string;
}

export interface UrgentSymptomRow {
  id: string;
  /** Shown to clinicians: the row of section 4. */
  label: string;
  appliesTo: AppliesTo;
  symptoms: readonly SymptomCode[];
  /** The advice when any symptom of the row is reported (and no escalation applies). */
  kind: AdviceKind;
  /** Who to contact for the "call" kinds. */
  contact: 'prescriber' | 'care team';
  /** Plain words: why this matters. */
  why: string;
  escalations: readonly Escalation[];
  /** "emergency if severe" (serotonin syndrome). */
  emergencyWhenSevere?: true;
  /**
   * The row counts only when at least this many of its symptoms are reported together (default 1).
   * Serotonin syndrome: 2 (product policy: sweating or diarrhoea alone are common, expected effects).
   */
  minSymptoms?: number;
  alert: UrgentAlertSeverity;
  source: string;
}

const serotonergicGenerics = ['trazodone', 'vortioxetine', 'mirtazapine', 'buspirone'] as const;

/** Section 4 of medication-safety.md, one entry per row (lamotrigine … prazosin), plus one policy row. */
export const urgentSymptomRows: readonly UrgentSymptomRow[] = [
  {
    id: 'lamotrigine_rash',
    label: 'Lamotrigine: any rash (serious skin reaction)',
    appliesTo: { generics: ['lamotrigine'] },
    symptoms: ['rash', 'blisters', 'mouth_sores', 'swollen_glands'],
    kind: 'stop_and_call_today',
    contact: 'prescriber',
    why: 'A rash on lamotrigine can be the start of a serious skin reaction. Stop at the first sign of a rash unless your prescriber says it is clearly something else.',
    escalations: [
      {
        all: ['rash', 'fever_sore_throat'],
        kind: 'emergency',
        why: 'A rash with fever on lamotrigine can be a life-threatening skin reaction.',
      },
      {
        all: ['rash', 'blisters'],
        kind: 'emergency',
        why: 'A rash with blisters on lamotrigine can be a life-threatening skin reaction.',
      },
      {
        all: ['rash', 'mouth_sores'],
        kind: 'emergency',
        why: 'A rash with sores in the mouth on lamotrigine can be a life-threatening skin reaction.',
      },
    ],
    alert: 'urgent',
    source:
      'Lamotrigine label, boxed warning (serious skin rashes); medication-safety.md section 4; care-rules.md "Lamotrigine"',
  },
  {
    id: 'clozapine',
    label: 'Clozapine: neutropenia, myocarditis, ileus, fainting, seizure',
    appliesTo: { generics: ['clozapine'] },
    symptoms: [
      'fever_sore_throat',
      'mouth_sores',
      'chest_pain',
      'breathless',
      'constipation',
      'fainting',
      'seizure',
    ],
    kind: 'call_prescriber_today',
    contact: 'prescriber',
    why: 'On clozapine, fever, a sore throat or mouth sores can mean a low white-cell count (a blood test is needed); chest pain, a racing heart or breathlessness can mean heart inflammation, mostly in the first 2 months; no bowel movement for 3 days can become a blocked bowel.',
    escalations: [
      {
        all: ['seizure'],
        kind: 'emergency',
        why: 'A seizure on clozapine needs emergency care.',
      },
      {
        all: ['chest_pain'],
        kind: 'emergency',
        why: 'Chest pain on clozapine can be heart inflammation (myocarditis) and needs emergency care.',
      },
    ],
    alert: 'urgent',
    source:
      'Clozapine label, boxed warnings (severe neutropenia; orthostatic hypotension, bradycardia, syncope; seizures; myocarditis) and warnings (gastrointestinal hypomotility); medication-safety.md section 4',
  },
  {
    id: 'lithium_toxicity',
    label: 'Lithium: signs of toxicity',
    appliesTo: { generics: ['lithium'] },
    // 'tremor' too: a patient cannot tell a fine tremor from a coarse one; the level decides (product policy).
    symptoms: [
      'vomiting',
      'diarrhoea',
      'coarse_shaking',
      'tremor',
      'unsteadiness',
      'confusion',
      'slurred_speech',
    ],
    kind: 'call_prescriber_today',
    contact: 'prescriber',
    why: 'These can be signs that your lithium level is too high. You will probably need a blood test today.',
    escalations: [
      {
        all: ['confusion'],
        kind: 'emergency',
        why: 'Confusion on lithium can mean a dangerously high lithium level.',
      },
    ],
    alert: 'urgent',
    source:
      'Lithium label, boxed warning (toxicity close to therapeutic levels); medication-safety.md section 4; tremor on lithium: product policy',
  },
  {
    id: 'valproate',
    label: 'Valproate / divalproex: liver, pancreas, platelets, ammonia',
    appliesTo: { generics: ['valproic acid', 'divalproex sodium'] },
    symptoms: ['yellow_skin_eyes', 'stomach_pain_vomiting', 'bruising_bleeding', 'confusion'],
    kind: 'call_prescriber_today',
    contact: 'prescriber',
    why: 'On valproate, yellow skin or eyes can mean a liver problem, bad stomach pain with vomiting can mean an inflamed pancreas, and unusual bruising or bleeding can mean a low platelet count.',
    escalations: [],
    alert: 'urgent',
    source:
      'Valproate/divalproex label, boxed warnings (hepatotoxicity, pancreatitis) and warnings (thrombocytopenia, hyperammonemia); medication-safety.md section 4',
  },
  {
    id: 'antipsychotic_nms',
    label: 'Any antipsychotic: neuroleptic malignant syndrome',
    appliesTo: { groups: ['antipsychotic'] },
    symptoms: ['fever_stiff_muscles'],
    kind: 'emergency',
    contact: 'prescriber',
    why: 'A high fever with stiff muscles (often with confusion) on an antipsychotic can be a rare, dangerous reaction (neuroleptic malignant syndrome).',
    escalations: [],
    alert: 'urgent',
    source: 'Antipsychotic labels, warnings (neuroleptic malignant syndrome); medication-safety.md section 4',
  },
  {
    id: 'serotonin_syndrome',
    label: 'Serotonergic drugs: serotonin syndrome',
    appliesTo: { classes: ['ssri', 'snri'], generics: serotonergicGenerics },
    symptoms: ['agitation', 'fever_sore_throat', 'sweating', 'shivering', 'diarrhoea', 'muscle_twitching'],
    kind: 'call_prescriber_today',
    contact: 'prescriber',
    why: 'Several of these together can mean too much serotonin (serotonin syndrome).',
    escalations: [],
    emergencyWhenSevere: true,
    minSymptoms: 2,
    alert: 'urgent',
    source:
      'SSRI/SNRI and other serotonergic labels, warnings (serotonin syndrome); medication-safety.md section 4 ("emergency if severe"); two or more together: product policy',
  },
  {
    id: 'antidepressant_young_early',
    label: 'Antidepressant, under 25 or early in treatment: suicidality',
    appliesTo: { groups: ['antidepressant'], youngOrEarly: true },
    symptoms: ['suicidal_thoughts', 'agitation', 'restlessness'],
    kind: 'call_prescriber_today',
    contact: 'care team',
    why: 'In the first weeks of an antidepressant or after a dose change, and especially under 25, new agitation, restlessness or thoughts of suicide can be a side effect. Your team wants to hear about it today.',
    escalations: [
      {
        all: ['suicidal_thoughts'],
        kind: 'crisis_line',
        why: 'New or worse thoughts of suicide can be a side effect in the first weeks of an antidepressant. You do not have to wait: talk to someone now.',
      },
    ],
    alert: 'urgent',
    source:
      'FDA boxed warning on antidepressants and suicidality up to age 24 (2004/2007); medication-safety.md sections 4 and 5',
  },
  {
    id: 'trazodone_priapism',
    label: 'Trazodone: priapism',
    appliesTo: { generics: ['trazodone'] },
    symptoms: ['long_erection'],
    kind: 'emergency',
    contact: 'prescriber',
    why: 'An erection lasting more than 4 hours (priapism) on trazodone needs emergency care to prevent lasting harm.',
    escalations: [],
    alert: 'urgent',
    source: 'Trazodone label, warnings (priapism); medication-safety.md section 4',
  },
  {
    id: 'bupropion_seizure',
    label: 'Bupropion: seizure',
    appliesTo: { generics: ['bupropion'] },
    symptoms: ['seizure'],
    kind: 'emergency',
    contact: 'prescriber',
    why: 'Bupropion can cause seizures; a seizure needs emergency care.',
    escalations: [],
    alert: 'urgent',
    source: 'Bupropion label, warnings (seizure risk rises with dose); medication-safety.md section 4',
  },
  {
    id: 'benzodiazepine_sedation',
    label: 'Benzodiazepines: oversedation, slow breathing',
    appliesTo: { classes: ['benzodiazepine'] },
    symptoms: ['very_sleepy_slow_breathing'],
    kind: 'emergency',
    contact: 'prescriber',
    why: 'Being very sleepy or hard to wake, or breathing slowly, on a benzodiazepine can mean dangerous sedation, especially with alcohol or opioids.',
    escalations: [],
    alert: 'urgent',
    source:
      'Benzodiazepine labels, boxed warning (with opioids: profound sedation, respiratory depression); medication-safety.md section 4',
  },
  {
    id: 'stimulant_cardiac',
    label: 'Stimulants: chest pain, fainting',
    appliesTo: { classes: ['stimulant'] },
    symptoms: ['chest_pain', 'fainting'],
    kind: 'emergency',
    contact: 'prescriber',
    why: 'Chest pain or fainting on a stimulant can be a heart problem and needs emergency care.',
    escalations: [],
    alert: 'urgent',
    source: 'Stimulant labels, warnings (serious cardiovascular reactions); medication-safety.md section 4',
  },
  {
    id: 'sga_hyperglycaemia',
    label: 'Second-generation antipsychotics: high blood sugar',
    appliesTo: { classes: ['second-generation antipsychotic'] },
    symptoms: ['thirst_urination'],
    kind: 'call_prescriber_today',
    contact: 'prescriber',
    why: 'Being very thirsty and passing much more urine can mean high blood sugar, which these medicines can cause.',
    escalations: [],
    alert: 'high',
    source:
      'Second-generation antipsychotic labels, warnings (hyperglycemia and diabetes); ADA/APA consensus 2004; medication-safety.md section 4',
  },
  {
    id: 'prazosin_fainting',
    label: 'Prazosin: fainting on standing',
    appliesTo: { generics: ['prazosin'] },
    symptoms: ['fainting'],
    kind: 'call_prescriber',
    contact: 'prescriber',
    why: 'Prazosin can lower blood pressure when you stand up. Get up slowly, and sit or lie down if you feel faint.',
    escalations: [],
    alert: 'high',
    source: 'Prazosin label (syncope, first dose at bedtime); medication-safety.md section 4',
  },
  {
    id: 'suicidal_thoughts_any',
    label: 'Anyone: new or worse thoughts of suicide',
    appliesTo: { anyone: true },
    symptoms: ['suicidal_thoughts'],
    kind: 'crisis_line',
    contact: 'care team',
    why: 'You do not have to wait or cope with this alone: talk to someone now.',
    escalations: [],
    alert: 'urgent',
    source:
      'care-rules.md "Safety" (product policy: reported as a side effect, it takes the same path as PHQ-9 item 9)',
  },
];
