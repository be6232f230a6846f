import { sources, type GuideSource } from './sources.js';

/**
 * Plain-language medication guides, one per class (and one each for lithium, lamotrigine, valproate and
 * clozapine), written for Duet (not copied from leaflets). Each fact comes from care-rules.md,
 * medications.csv or medication-safety.md and names its source in `sources`; each boxed warning names its
 * own. The urgent symptoms of medication-safety.md section 4 are not written here: the guide page shows
 * them from the same rows the side-effect report uses (urgent-signs.ts). No phone number is written in a
 * guide: the page shows the patient's own country's crisis resources (web/components/crisis-resources).
 * A guide is general information: the patient's own prescriber and pharmacist know their situation.
 */

/** A fact with the source it comes from. */
export interface GuideFact {
  text: string;
  source: GuideSource;
}
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
  'clozapine',
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
  /**
   * Other things to tell the prescriber the same day, beside the urgent symptoms of section 4 (which the
   * page adds from urgent-signs.ts).
   */
  reportAtOnce: string[];
  stopping: string[];
  /** The boxed (the strongest) warnings, in simple words, each with its source; empty when none applies. */
  boxedWarning: GuideFact[];
  /** Under 25 or early in treatment: what to watch for (medication-safety.md section 5); empty otherwise. */
  earlyWatch: string[];
  /** True when stopping suddenly can harm: the report's confirmation then says "do not stop suddenly". */
  doNotStopSuddenly: boolean;
  sources: GuideSource[];
}

// care-rules.md "Side effects": response usually 2-4 weeks, full effect 4-8 weeks (NIMH); many STAR*D
// responders responded at or after week 8 (Trivedi 2006).
const antidepressantTiming = [
  'Sleep, energy and appetite often get better before mood does.',
  'Most people start to feel some benefit after 2 to 4 weeks. The full effect usually takes 4 to 8 weeks, and for some people longer: in a large study (STAR*D) many people who got better did so at week 8 or later.',
  'So keep taking it every day even if you feel no change at first, and tell your prescriber how it is going.',
];
// care-rules.md "Medication monitoring": antidepressant boxed warning up to age 24 (FDA 2004/2007);
// medication-safety.md section 5: what to watch for, and the early-treatment watch (product schedule).
const antidepressantBoxed: GuideFact[] = [
  {
    text: 'Children, teenagers and young adults up to age 24 can have new or stronger thoughts of suicide in the first weeks of an antidepressant or after a dose change. This is rare, but it matters: your team watches closely at those times.',
    source: sources.fdaAntidepressants,
  },
];
const antidepressantWatch = [
  'In the first weeks, and after any dose change, watch for: new or worse thoughts of suicide or of harming yourself; feeling much more agitated, restless, irritable or angry; panic attacks; trouble sleeping; acting on dangerous impulses; or any unusual change in mood or behaviour. Family or friends may notice these first.',
  'If you have thoughts of ending your life or harming yourself, talk to someone now: your crisis line is shown on this page. Then tell your care team the same day.',
  'If you are under 25, your team checks in more often for the first 4 weeks after a start or a dose change: you get a short questionnaire (PHQ-9) at weeks 1, 2 and 4.',
];
const antidepressantStopping = [
  'Do not stop suddenly. Stopping at once can bring dizziness, flu-like feelings, trouble sleeping, irritability or "electric shock" feelings. Your prescriber can lower the dose step by step if you want to stop.',
  'If you miss a dose, take the next one at the usual time. Do not take two doses together.',
];
const antidepressantSources = [
  sources.careRules,
  sources.nimh,
  sources.starD,
  sources.fdaAntidepressants,
  sources.earlyTreatmentWatch,
  sources.medicationSafety,
];

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
    reportAtOnce: ['A rash, swelling of the face, or trouble breathing.'],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    earlyWatch: antidepressantWatch,
    doNotStopSuddenly: true,
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
      'A bad headache with a pounding heart or blurred vision (possible high blood pressure).',
      'A rash, swelling of the face, or trouble breathing.',
    ],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    earlyWatch: antidepressantWatch,
    doNotStopSuddenly: true,
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
      'Trazodone: sleepiness and dizziness when standing up. Rarely, an erection that will not go away (priapism): if it lasts more than 4 hours it is an emergency (trazodone label).',
      'Vortioxetine: feeling sick, especially at first.',
    ],
    reportAtOnce: ['A rash, swelling of the face, or trouble breathing.'],
    stopping: antidepressantStopping,
    boxedWarning: antidepressantBoxed,
    earlyWatch: antidepressantWatch,
    doNotStopSuddenly: true,
    sources: [...antidepressantSources, sources.labelTrazodone, sources.labelBupropion],
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
    reportAtOnce: ['Feeling you need more and more of it, or taking it in ways not prescribed.'],
    stopping: [
      'After regular use, do not stop suddenly: withdrawal can cause strong anxiety, shaking, trouble sleeping and, rarely, seizures. Your prescriber will lower the dose slowly with you.',
    ],
    boxedWarning: [
      {
        text: 'These medicines can lead to misuse, addiction and physical dependence, and stopping too fast can cause dangerous withdrawal.',
        source: sources.fdaBenzodiazepines,
      },
      {
        text: 'Taking them with opioid painkillers or cough medicines can make you very sleepy and slow your breathing to a dangerous level.',
        source: sources.medicationSafety,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [sources.careRules, sources.nimh, sources.fdaBenzodiazepines, sources.medicationSafety],
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
    earlyWatch: [],
    doNotStopSuddenly: false,
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
      'Before starting any new medicine, including painkillers like ibuprofen or blood-pressure tablets, ask whether it changes your lithium level.',
    ],
    stopping: [
      'Do not stop suddenly: stopping at once raises the chance of an early relapse, especially of mania. Your prescriber can plan a slow reduction.',
    ],
    boxedWarning: [
      {
        text: 'Lithium poisoning can happen at levels close to the ones that help. Signs include strong shaking, vomiting or diarrhoea, unsteadiness, slurred speech and confusion. That is why the blood tests matter: keep them even when you feel well.',
        source: sources.labelLithium,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [sources.careRules, sources.nimh, sources.labelLithium, sources.medicationSafety],
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
      'Any rash at all: do not take your next dose and contact your prescriber today, even if the rash seems mild. Nearly all serious rashes start in the first 2 to 8 weeks.',
    ],
    stopping: [
      'Talk to your prescriber before stopping, unless you have a rash (then stop and call them).',
      'If you have missed several days, do not restart at your usual dose: ask your prescriber, who may start the slow steps again.',
    ],
    boxedWarning: [
      {
        text: 'Lamotrigine can cause a rare but life-threatening skin rash. The risk is higher with valproate, a high starting dose or raising the dose too fast. Stop at the first sign of a rash unless your prescriber says it is clearly something else.',
        source: sources.labelLamotrigine,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [sources.careRules, sources.labelLamotrigine, sources.medicationSafety],
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
    commonSideEffects: [
      'Feeling sick, sleepiness, a slight tremor, weight gain, hair thinning.',
      'It can lower the platelets that help blood clot: tell your prescriber about unusual bruising or bleeding.',
    ],
    reportAtOnce: [
      'Dark urine, unusual tiredness or weakness, or swelling of the face (possible liver problem).',
      'If you could become pregnant: talk to your prescriber before trying, and at once if you think you are pregnant.',
    ],
    stopping: ['Do not stop suddenly: talk to your prescriber, who can plan a safe reduction.'],
    boxedWarning: [
      {
        text: 'Valproate can seriously damage the liver, most often in the first 6 months. Keep your blood tests.',
        source: sources.labelValproate,
      },
      {
        text: 'Valproate can inflame the pancreas (pancreatitis), which can be life-threatening: bad stomach pain with vomiting needs a doctor the same day.',
        source: sources.labelValproate,
      },
      {
        text: 'Valproate can seriously harm an unborn baby (birth defects, lower IQ). Talk about contraception with your prescriber.',
        source: sources.labelValproate,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [sources.careRules, sources.labelValproate, sources.medicationSafety],
  },
  {
    key: 'antipsychotic',
    title: 'Second-generation antipsychotics',
    examples: ['quetiapine', 'aripiprazole', 'olanzapine', 'risperidone', 'lurasidone'],
    summary:
      'These medicines treat psychosis, bipolar disorder, and are sometimes added to an antidepressant. Many can affect weight, blood sugar and cholesterol, so the team checks them regularly.',
    whatToExpect: [
      'Some effects (calmer, better sleep) come within days; the full effect takes weeks.',
      'Your weight is checked at the start, at weeks 4, 8 and 12, then every 3 months; blood pressure, blood sugar and cholesterol at the start, at week 12, then on a longer schedule (ADA/APA).',
    ],
    commonSideEffects: [
      'More appetite and weight gain, sleepiness, dizziness when standing up.',
      'Feeling restless inside and unable to sit still, stiffness or shaking.',
    ],
    reportAtOnce: ['Movements of the face, tongue or body that you cannot control.'],
    stopping: [
      'Do not stop suddenly: symptoms can come back fast, and stopping can cause sickness or restlessness. Your prescriber can reduce it slowly.',
    ],
    boxedWarning: [
      {
        text: 'In older people with dementia these medicines raise the risk of death; they are not for treating dementia-related behaviour.',
        source: sources.labelAntipsychotics,
      },
      {
        text: 'Some of them (for example quetiapine, aripiprazole and lurasidone) also carry the antidepressant warning about suicidal thoughts for people up to age 24.',
        source: sources.fdaAntidepressants,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [
      sources.careRules,
      sources.nimh,
      sources.adaApa,
      sources.labelAntipsychotics,
      sources.medicationSafety,
    ],
  },
  {
    key: 'clozapine',
    title: 'Clozapine',
    examples: ['clozapine'],
    summary:
      'Clozapine is an antipsychotic that often helps when other medicines have not. It works well, and it needs regular blood tests and close watching, because it can cause rare but serious problems.',
    whatToExpect: [
      'The dose starts very low and goes up slowly over weeks, to keep your blood pressure and heart safe.',
      'You need regular blood counts (ANC) to check your white cells: weekly for 6 months, every 2 weeks to month 12, then monthly.',
      'Your weight, blood sugar and cholesterol are checked too (ADA/APA).',
      'If you stop smoking, or miss doses for 2 days or more, tell your prescriber before taking your next dose: the dose may need to change.',
    ],
    commonSideEffects: [
      'Sleepiness, drooling (especially at night), dizziness when standing up, a faster heartbeat, weight gain.',
      'Constipation is common and can become dangerous: drink enough, eat fibre, and tell your prescriber if it does not get better.',
    ],
    reportAtOnce: [],
    stopping: [
      'Do not stop suddenly unless your prescriber tells you to: symptoms can come back fast. If you have missed doses for 2 days or more, do not restart at your usual dose: ask your prescriber first.',
    ],
    boxedWarning: [
      {
        text: 'Clozapine can lower your white blood cells (severe neutropenia), which makes serious infections more likely. That is why the blood tests matter. Fever, a sore throat, a flu-like illness or mouth sores need a call to your prescriber the same day.',
        source: sources.labelClozapineBoxed,
      },
      {
        text: 'It can lower your blood pressure when you stand up and slow your heart, so you may faint, mostly when starting or after a break. Get up slowly.',
        source: sources.labelClozapineBoxed,
      },
      {
        text: 'It can cause seizures (fits), more likely at higher doses. Avoid driving, swimming or climbing where a sudden seizure could hurt you.',
        source: sources.labelClozapineBoxed,
      },
      {
        text: 'It can inflame the heart muscle (myocarditis), mostly in the first 2 months: chest pain, a racing heart or breathlessness need help at once.',
        source: sources.labelClozapineBoxed,
      },
      {
        text: 'In older people with dementia it raises the risk of death; it is not for treating dementia-related behaviour.',
        source: sources.labelClozapineBoxed,
      },
      {
        text: 'It slows the bowel: constipation can turn into a blocked bowel (ileus). No bowel movement for 3 days needs a call to your prescriber.',
        source: sources.labelClozapineGi,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: true,
    sources: [
      sources.careRules,
      sources.labelClozapine,
      sources.labelClozapineBoxed,
      sources.labelClozapineGi,
      sources.adaApa,
      sources.medicationSafety,
    ],
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
      'A racing or uneven heartbeat.',
      'Seeing or hearing things others do not, or feeling very suspicious.',
    ],
    stopping: [
      'These are controlled medicines: keep them safe and never share them. Talk to your prescriber before stopping; you may feel tired or low for a few days after.',
    ],
    boxedWarning: [
      {
        text: 'Stimulants can be misused and lead to addiction. Take them only as prescribed.',
        source: sources.labelStimulants,
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: false,
    sources: [sources.careRules, sources.nimh, sources.labelStimulants, sources.medicationSafety],
  },
  {
    key: 'adhd_nonstimulant',
    title: 'Non-stimulant ADHD medicines',
    examples: ['atomoxetine'],
    summary: 'Atomoxetine helps ADHD without being a stimulant. It builds up over several weeks.',
    whatToExpect: ['It can take 2 to 4 weeks or more to help. Take it every day.'],
    commonSideEffects: ['Upset stomach, less appetite, tiredness, dizziness.'],
    reportAtOnce: ['Yellow skin or eyes or dark urine (possible liver problem).'],
    stopping: ['Talk to your prescriber before stopping.'],
    boxedWarning: [
      {
        text: 'Like antidepressants, atomoxetine carries a warning about suicidal thoughts in children and teenagers: tell the team at once if these appear.',
        source: {
          label:
            'Atomoxetine prescribing information, boxed warning (suicidal ideation in children and adolescents)',
          url: null,
        },
      },
    ],
    earlyWatch: [],
    doNotStopSuddenly: false,
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
    reportAtOnce: [
      'A rash with fever, swelling of the face or trouble breathing: call your emergency number.',
    ],
    stopping: ['Talk to your prescriber before stopping or changing a medicine.'],
    boxedWarning: [],
    earlyWatch: [],
    doNotStopSuddenly: false,
    sources: [sources.careRules, sources.nimh],
  },
];

export const medicationGuides: readonly MedicationGuide[] = guides;
