import type { SymptomCode } from '../side-effects/symptoms.js';
import { sources, type GuideSource } from './sources.js';

/**
 * Plain-language medication guides, one per class, written for Duet (not copied from leaflets). Each fact
 * comes from care-rules.md / medications.csv and names its source in `sources`. A guide is general
 * information: the patient's own prescriber and pharmacist know their situation.
 */
export const guideKeys = [
  'ssri',
  'snri',
  'antidepressant_other',
  'benzodiazepine',
  'anxiety_other',
  'lithium',
  'lamotrigine',
  'valproate',
  'antipsychotic',
  'stimulant',
  'adhd_nonstimulant',
  'general',
] as const;
export type GuideKey = (typeof guideKeys)[number];

export interface MedicationGuide {
  key: GuideKey;
  title: string;
  /** Generic names this guide covers (from medications.csv). */
  examples: string[];
  summary: string;
  whatToExpect: string[];
  commonSideEffects: string[];
  /** Tell the prescriber the same day, or get help at once. */
  reportAtOnce: string[];
  stopping: string[];
  /** A boxed (the strongest) warning, in simple words; empty when none applies. */
  boxedWarning: string[];
  /** True when stopping suddenly can harm: the report's confirmation then says "do not stop suddenly". */
  doNotStopSuddenly: boolean;
  /** Symptoms urgent for the whole class; used when a medication is not in the clinic's catalogue. */
  urgentSymptoms: SymptomCode[];
  sources: GuideSource[];
}

// care-rules.md "Side effects": response usually 2-4 weeks, full effect 4-8 weeks (NIMH); many STAR*D
// responders responded at or after week 8 (Trivedi 2006).
const antidepressantTiming = [
  'Sleep, energy and appetite often get better before mood does.',
  'Most people start to feel some benefit after 2 to 4 weeks. The full effect usually takes 4 to 8 weeks, and for some people longer: in a large study (STAR*D) many people who got better did so at week 8 or later.',
  'So keep taking it every day even if you feel no change at first, and tell your prescriber how it is going.',
];
// care-rules.md "Medication monitoring": antidepressant boxed warning up to age 24 (FDA 2004/2007).
const antidepressantBoxed = [
  'Children, teenagers and young adults up to age 24 can have new or stronger thoughts of suicide in the first weeks of an antidepressant or after a dose change. This is rare, but it matters: your team watches closely at those times.',
  'If you (or someone you care for) have thoughts of ending your life or harming yourself, tell your care team straight away. In the US, call or text 988 any time; in an emergency call 911.',
];
const antidepressantStopping = [
  'Do not stop suddenly. Stopping at once can bring dizziness, flu-like feelings, trouble sleeping, irritability or "electric shock" feelings. Your prescriber can lower the dose step by step if you want to stop.',
  'If you miss a dose, take the next one at the usual time. Do not take two doses together.',
];
const antidepressantSources = [sources.careRules, sources.nimh, sources.starD, sources.fdaAntidepressants];

const guides: MedicationGuide[] = [
  {
    key: 'ssri',
    title: 'SSRI antidepressants',
    examples: ['sertraline', 'fluoxetine', 'citalopram', 'escitalopram', 'paroxetine', 'fluvoxamine'],
    summary:
      'SSRIs are medicines for depression and anxiety. They change how the brain uses serotonin, one of its chemical messengers.',
    whatToExpect: antidepressantTiming,
    commonSideEffects: [
      'Feeling sick, headache, or an upset stomach in the first week or two: these often fade.',
      'Trouble sleeping or feeling sleepy, sweating, feeling restless.',
      'Sexual problems (less interest, difficulty with orgasm). Tell your prescriber: there are options.',
      'Feeling emotionally flat or numb.',
    ],
    reportAtOnce: [
      'Thoughts of suicide or self-harm, or feeling much more agitated or restless than before.',
      'A rash, swelling, or trouble breathing.',
      'Confusion, a racing heart, high fever, stiff or twitching muscles (this can mean too much serotonin).',
    ],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: antidepressantSources,
  },
  {
    key: 'snri',
    title: 'SNRI antidepressants',
    examples: ['venlafaxine', 'duloxetine', 'desvenlafaxine'],
    summary:
      'SNRIs are medicines for depression and anxiety. They act on two of the brain’s chemical messengers, serotonin and noradrenaline.',
    whatToExpect: antidepressantTiming,
    commonSideEffects: [
      'Feeling sick, headache, dizziness or sweating, mostly early on.',
      'Trouble sleeping, dry mouth, less appetite.',
      'Higher blood pressure for some people: your prescriber may check it (medications.csv: venlafaxine, desvenlafaxine).',
      'Sexual problems.',
    ],
    reportAtOnce: [
      'Thoughts of suicide or self-harm, or feeling much more agitated than before.',
      'A bad headache with a pounding heart or blurred vision (possible high blood pressure).',
      'A rash, swelling, or trouble breathing.',
    ],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: antidepressantSources,
  },
  {
    key: 'antidepressant_other',
    title: 'Other antidepressants',
    examples: ['bupropion', 'mirtazapine', 'trazodone', 'vortioxetine'],
    summary:
      'These antidepressants work in different ways from SSRIs. Some are also used at low doses to help with sleep (trazodone, mirtazapine).',
    whatToExpect: antidepressantTiming,
    commonSideEffects: [
      'Mirtazapine: sleepiness and more appetite or weight gain (your prescriber may check your weight).',
      'Bupropion: trouble sleeping, dry mouth, feeling on edge; it rarely causes sexual problems.',
      'Trazodone: sleepiness and dizziness when standing up.',
      'Vortioxetine: feeling sick, especially at first.',
    ],
    reportAtOnce: [
      'Thoughts of suicide or self-harm, or feeling much more agitated than before.',
      'Bupropion: a seizure (fit), or feeling very confused.',
      'A rash, swelling, or trouble breathing.',
    ],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: antidepressantSources,
  },
  {
    key: 'benzodiazepine',
    title: 'Benzodiazepines (for anxiety)',
    examples: ['alprazolam', 'lorazepam', 'clonazepam', 'diazepam'],
    summary:
      'Benzodiazepines calm anxiety quickly. Because the body can get used to them, they are usually meant for a short time or for hard moments.',
    whatToExpect: [
      'They work within an hour or so. Use them exactly as your prescriber said: not more often, not in bigger doses.',
      'Over weeks, the same dose can do less. Tell your prescriber rather than taking more.',
    ],
    commonSideEffects: [
      'Sleepiness, slower thinking, unsteadiness, and memory gaps.',
      'Do not drive or use machines until you know how it affects you. Alcohol, opioids and sleeping pills make these effects much stronger and can slow breathing.',
    ],
    reportAtOnce: [
      'Very slow or shallow breathing, or being very hard to wake: call 911.',
      'Feeling you need more and more of it, or taking it in ways not prescribed.',
    ],
    stopping: [
      'After regular use, do not stop suddenly: withdrawal can cause strong anxiety, shaking, trouble sleeping and, rarely, seizures. Your prescriber will lower the dose slowly with you.',
    ],
    boxedWarning: [
      'These medicines can lead to misuse, addiction and physical dependence, and stopping too fast can cause dangerous withdrawal. Taking them with opioids can slow breathing to a dangerous level.',
    ],
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh, sources.fdaBenzodiazepines],
  },
  {
    key: 'anxiety_other',
    title: 'Other anti-anxiety medicines',
    examples: ['buspirone', 'hydroxyzine'],
    summary:
      'Buspirone is taken every day and helps over several weeks. Hydroxyzine is an antihistamine that can ease anxiety for a few hours.',
    whatToExpect: [
      'Buspirone usually takes a few weeks to help; keep taking it as prescribed.',
      'Hydroxyzine works within an hour and can make you sleepy.',
    ],
    commonSideEffects: [
      'Dizziness, headache, feeling sick (buspirone).',
      'Sleepiness and dry mouth (hydroxyzine).',
    ],
    reportAtOnce: ['A fast or uneven heartbeat, or fainting.', 'A rash, swelling, or trouble breathing.'],
    stopping: ['Talk to your prescriber before stopping, so you can plan what comes next.'],
    boxedWarning: [],
    doNotStopSuddenly: false,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh],
  },
  {
    key: 'lithium',
    title: 'Lithium',
    examples: ['lithium'],
    summary:
      'Lithium is a mood stabilizer for bipolar disorder and sometimes depression. It works well, and it needs regular blood tests because the safe amount is close to too much.',
    whatToExpect: [
      'It can take a few weeks to work fully.',
      'You will have blood tests for your lithium level, and for your kidneys and thyroid, on a schedule your prescriber sets.',
      'Drink fluids steadily. Heat, heavy sweating, vomiting or diarrhoea, and some painkillers (like ibuprofen) can raise your lithium level.',
    ],
    commonSideEffects: ['Thirst and passing more urine, a slight hand tremor, mild nausea, weight gain.'],
    reportAtOnce: [
      'Signs the level may be too high: bad shaking, vomiting or diarrhoea, unsteadiness, slurred speech, confusion or great sleepiness. Get help the same day; if severe, call 911.',
    ],
    stopping: [
      'Do not stop suddenly: stopping at once raises the chance of an early relapse, especially of mania. Your prescriber can plan a slow reduction.',
    ],
    boxedWarning: [
      'Lithium poisoning can happen at levels close to the ones that help. That is why the blood tests matter: keep them even when you feel well.',
    ],
    doNotStopSuddenly: true,
    urgentSymptoms: ['tremor'],
    sources: [sources.careRules, sources.nimh, sources.labelLithium],
  },
  {
    key: 'lamotrigine',
    title: 'Lamotrigine',
    examples: ['lamotrigine'],
    summary:
      'Lamotrigine is a mood stabilizer, mostly used to prevent the low (depressive) side of bipolar disorder. The dose is raised slowly over several weeks to keep it safe.',
    whatToExpect: [
      'The dose starts low and goes up step by step. Follow the steps exactly: going faster raises the risk of a serious rash.',
      'It works gradually over weeks.',
    ],
    commonSideEffects: ['Headache, dizziness, double or blurred vision, feeling sick, trouble sleeping.'],
    reportAtOnce: [
      'ANY rash, blisters, sores in the mouth or eyes, fever with swollen glands. Tell your prescriber the same day and do not take the next dose until you have spoken to them. Nearly all serious rashes start in the first 2 to 8 weeks.',
    ],
    stopping: [
      'Talk to your prescriber before stopping, unless you have a rash (then stop and call them).',
      'If you have missed several days, do not restart at your usual dose: ask your prescriber, who may start the slow steps again.',
    ],
    boxedWarning: [
      'Lamotrigine can cause a rare but life-threatening skin rash. The risk is higher with valproate, a high starting dose or raising the dose too fast.',
    ],
    doNotStopSuddenly: true,
    urgentSymptoms: ['rash'],
    sources: [sources.careRules, sources.labelLamotrigine],
  },
  {
    key: 'valproate',
    title: 'Valproate (valproic acid, divalproex)',
    examples: ['valproic acid', 'divalproex sodium'],
    summary:
      'Valproate is a mood stabilizer used for bipolar disorder. It needs blood tests, especially in the first months.',
    whatToExpect: [
      'Blood tests check your liver and your valproate level, often during the first 6 months.',
      'It can take a few weeks to work fully.',
    ],
    commonSideEffects: ['Feeling sick, sleepiness, a slight tremor, weight gain, hair thinning.'],
    reportAtOnce: [
      'Yellow skin or eyes, dark urine, unusual tiredness, or swelling of the face (possible liver problem).',
      'Bad stomach pain with vomiting (possible pancreatitis).',
      'If you could become pregnant: talk to your prescriber before trying, and at once if you think you are pregnant.',
    ],
    stopping: ['Do not stop suddenly: talk to your prescriber, who can plan a safe reduction.'],
    boxedWarning: [
      'Valproate can seriously damage the liver or the pancreas, and can harm an unborn baby. Keep your blood tests and talk about contraception with your prescriber.',
    ],
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.labelValproate],
  },
  {
    key: 'antipsychotic',
    title: 'Second-generation antipsychotics',
    examples: ['quetiapine', 'aripiprazole', 'olanzapine', 'risperidone', 'lurasidone', 'clozapine'],
    summary:
      'These medicines treat psychosis, bipolar disorder, and are sometimes added to an antidepressant. Many can affect weight, blood sugar and cholesterol, so the team checks them regularly.',
    whatToExpect: [
      'Some effects (calmer, better sleep) come within days; the full effect takes weeks.',
      'Your weight is checked at the start, at weeks 4, 8 and 12, then every 3 months; blood pressure, blood sugar and cholesterol at the start, at week 12, then on a longer schedule (ADA/APA).',
      'Clozapine needs regular blood counts (ANC): weekly for 6 months, every 2 weeks to month 12, then monthly.',
    ],
    commonSideEffects: [
      'More appetite and weight gain, sleepiness, dizziness when standing up.',
      'Feeling restless inside and unable to sit still, stiffness or shaking.',
    ],
    reportAtOnce: [
      'High fever with stiff muscles and confusion: call 911.',
      'Clozapine: fever, sore throat or any sign of infection (can mean a low white-cell count).',
      'Very strong thirst and passing lots of urine (possible high blood sugar).',
    ],
    stopping: [
      'Do not stop suddenly: symptoms can come back fast, and stopping can cause sickness or restlessness. Your prescriber can reduce it slowly.',
    ],
    boxedWarning: [
      'In older people with dementia these medicines raise the risk of death; they are not for treating dementia-related behaviour. Some of them also carry the antidepressant warning for people up to age 24.',
    ],
    doNotStopSuddenly: true,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh, sources.adaApa, sources.labelClozapine],
  },
  {
    key: 'stimulant',
    title: 'Stimulants (for ADHD)',
    examples: ['methylphenidate', 'amphetamine'],
    summary: 'Stimulants help with attention and focus in ADHD. They work the same day you take them.',
    whatToExpect: [
      'You may notice the effect within an hour. Take them in the morning or as prescribed, so they do not keep you awake.',
      'Your blood pressure and heart rate are checked from time to time.',
    ],
    commonSideEffects: ['Less appetite, trouble sleeping, headache, feeling on edge, a faster heartbeat.'],
    reportAtOnce: [
      'Chest pain, fainting, or a racing or uneven heartbeat: call 911.',
      'Seeing or hearing things others do not, or feeling very suspicious.',
    ],
    stopping: [
      'These are controlled medicines: keep them safe and never share them. Talk to your prescriber before stopping; you may feel tired or low for a few days after.',
    ],
    boxedWarning: ['Stimulants can be misused and lead to addiction. Take them only as prescribed.'],
    doNotStopSuddenly: false,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh, sources.labelStimulants],
  },
  {
    key: 'adhd_nonstimulant',
    title: 'Non-stimulant ADHD medicines',
    examples: ['atomoxetine'],
    summary: 'Atomoxetine helps ADHD without being a stimulant. It builds up over several weeks.',
    whatToExpect: ['It can take 2 to 4 weeks or more to help. Take it every day.'],
    commonSideEffects: ['Upset stomach, less appetite, tiredness, dizziness.'],
    reportAtOnce: [
      'Thoughts of suicide or self-harm, especially in young people.',
      'Yellow skin or eyes or dark urine (possible liver problem).',
    ],
    stopping: ['Talk to your prescriber before stopping.'],
    boxedWarning: [
      'Like antidepressants, atomoxetine carries a warning about suicidal thoughts in children and teenagers: tell the team at once if these appear.',
    ],
    doNotStopSuddenly: false,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh],
  },
  {
    key: 'general',
    title: 'Your medicines in general',
    examples: [],
    summary: 'Some general advice for any medicine your prescriber has started.',
    whatToExpect: [
      'Ask your prescriber what the medicine is for, how long it usually takes to help, and what to do if you miss a dose.',
    ],
    commonSideEffects: [
      'Tell your prescriber about any side effect that bothers you: there is often something that can help.',
    ],
    reportAtOnce: ['A rash with fever, swelling of the face or trouble breathing: call 911.'],
    stopping: ['Talk to your prescriber before stopping or changing a medicine.'],
    boxedWarning: [],
    doNotStopSuddenly: false,
    urgentSymptoms: [],
    sources: [sources.careRules, sources.nimh],
  },
];

export const medicationGuides: readonly MedicationGuide[] = guides;

/** The medications catalogue's `guide_class` values (shared/medications/catalogue-seed.ts) → our guides. */
const catalogueAliases: Record<string, GuideKey> = {
  antidepressant: 'antidepressant_other',
  anti_anxiety: 'anxiety_other',
  adhd_stimulant: 'stimulant',
  adhd_non_stimulant: 'adhd_nonstimulant',
  mood_stabilizer: 'general',
  other: 'general',
};

/** A guide by its key, or by a catalogue `guide_class` value (so other features can pass either). */
export function guideByKey(key: string): MedicationGuide | null {
  const resolved = catalogueAliases[key] ?? key;
  return guides.find((g) => g.key === resolved) ?? null;
}

const byName = new Map<string, GuideKey>(
  guides.flatMap((g) => g.examples.map((name) => [name.toLowerCase(), g.key] as const)),
);
const byClass: Record<string, GuideKey> = {
  ssri: 'ssri',
  snri: 'snri',
  benzodiazepine: 'benzodiazepine',
  'second-generation antipsychotic': 'antipsychotic',
  stimulant: 'stimulant',
};
const byGroup: Record<string, GuideKey> = {
  antidepressant: 'antidepressant_other',
  'anti-anxiety': 'anxiety_other',
  antipsychotic: 'antipsychotic',
  adhd: 'adhd_nonstimulant',
};

/**
 * The guide for a medication: the catalogue's `guide_class` when it names one of ours, else the generic
 * name, then the class, then the group (medications.csv columns), else the general guide.
 */
export function guideKeyFor(med: {
  name: string;
  drugClass?: string | null;
  drugGroup?: string | null;
  guideClass?: string | null;
}): GuideKey {
  const name = med.name.trim().toLowerCase();
  const named = byName.get(name) ?? [...byName].find(([n]) => name.startsWith(n + ' '))?.[1];
  if (named) return named;
  if (med.guideClass && (guideKeys as readonly string[]).includes(med.guideClass))
    return med.guideClass as GuideKey;
  if (med.guideClass && catalogueAliases[med.guideClass] && catalogueAliases[med.guideClass] !== 'general')
    return catalogueAliases[med.guideClass] as GuideKey;
  const cls = med.drugClass?.trim().toLowerCase() ?? '';
  if (byClass[cls]) return byClass[cls];
  const group = (med.drugGroup ?? med.guideClass ?? '').trim().toLowerCase();
  return byGroup[group] ?? 'general';
}
