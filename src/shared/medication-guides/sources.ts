/** Where the guides' facts come from (care-rules.md and medications.csv cite the same). */
export interface GuideSource {
  label: string;
  url: string | null;
}

export const sources = {
  careRules: { label: 'Duet care rules (care-rules.md), written from the sources below', url: null },
  nimh: {
    label: 'National Institute of Mental Health (NIMH): Mental Health Medications',
    url: 'https://www.nimh.nih.gov/health/topics/mental-health-medications',
  },
  starD: {
    label:
      'Trivedi MH et al. Evaluation of outcomes with citalopram (STAR*D). Am J Psychiatry 2006;163:28-40',
    url: null,
  },
  fdaAntidepressants: {
    label:
      'FDA boxed warning on antidepressants and suicidality in children, adolescents and young adults (2004, extended to age 24 in 2007)',
    url: null,
  },
  fdaBenzodiazepines: {
    label:
      'FDA Drug Safety Communication on benzodiazepines: abuse, dependence and withdrawal (boxed warning, 2020)',
    url: null,
  },
  labelLithium: { label: 'Lithium prescribing information (toxicity near therapeutic levels)', url: null },
  labelLamotrigine: {
    label: 'Lamotrigine prescribing information (boxed warning: serious skin rashes)',
    url: null,
  },
  labelValproate: {
    label:
      'Valproate prescribing information (boxed warnings: liver damage, harm to an unborn baby, pancreatitis)',
    url: null,
  },
  labelClozapine: {
    label: 'Clozapine prescribing information (ANC monitoring; the REMS was removed on 13 June 2025)',
    url: null,
  },
  labelClozapineBoxed: {
    label:
      'Clozapine prescribing information, boxed warnings: severe neutropenia; orthostatic hypotension, bradycardia and syncope; seizures; myocarditis and cardiomyopathy; increased mortality in elderly patients with dementia-related psychosis',
    url: null,
  },
  labelClozapineGi: {
    label:
      'Clozapine prescribing information, warnings: gastrointestinal hypomotility with severe complications (ileus)',
    url: null,
  },
  labelTrazodone: { label: 'Trazodone prescribing information, warnings: priapism', url: null },
  labelBupropion: {
    label: 'Bupropion prescribing information, warnings: seizures (risk rises with dose)',
    url: null,
  },
  labelAntipsychotics: {
    label:
      'Antipsychotic prescribing information: boxed warning (increased mortality in elderly patients with dementia-related psychosis); warnings (neuroleptic malignant syndrome, hyperglycemia)',
    url: null,
  },
  labelPrazosin: { label: 'Prazosin prescribing information (syncope; first dose at bedtime)', url: null },
  medicationSafety: {
    label:
      'Duet medication safety reference (medication-safety.md), sections 4 and 5, written from the labels',
    url: null,
  },
  earlyTreatmentWatch: {
    label:
      'Early-treatment watch: FDA antidepressant boxed warning (2004/2007); the questionnaires at weeks 1, 2 and 4 are Duet’s own schedule (product policy)',
    url: null,
  },
  adaApa: {
    label: 'ADA/APA consensus on antipsychotic drugs and obesity and diabetes. Diabetes Care 2004;27:596-601',
    url: null,
  },
  labelStimulants: {
    label: 'Stimulant prescribing information (controlled substances; blood pressure and heart rate)',
    url: null,
  },
} as const satisfies Record<string, GuideSource>;
