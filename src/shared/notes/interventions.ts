// The pick list of interventions for progress notes. Common named techniques of the therapies Duet
// supports (CBT, DBT, IPT) and of medication management; anything else goes in the free-text field.
// Codes are stored; labels are for display and may be reworded without touching stored notes.

export const interventionGroups = [
  {
    group: 'CBT',
    items: [
      ['cbt_psychoeducation', 'Psychoeducation'],
      ['cbt_cognitive_restructuring', 'Cognitive restructuring'],
      ['cbt_thought_record_review', 'Thought record review'],
      ['cbt_behavioural_activation', 'Behavioural activation'],
      ['cbt_activity_scheduling', 'Activity scheduling'],
      ['cbt_exposure', 'Graded exposure'],
      ['cbt_problem_solving', 'Problem solving'],
      ['cbt_relaxation', 'Relaxation or breathing practice'],
    ],
  },
  {
    group: 'DBT',
    items: [
      ['dbt_diary_card_review', 'Diary card review'],
      ['dbt_chain_analysis', 'Chain analysis'],
      ['dbt_mindfulness', 'Mindfulness skills'],
      ['dbt_distress_tolerance', 'Distress tolerance skills'],
      ['dbt_emotion_regulation', 'Emotion regulation skills'],
      ['dbt_interpersonal_effectiveness', 'Interpersonal effectiveness skills'],
      ['dbt_validation', 'Validation'],
    ],
  },
  {
    group: 'IPT',
    items: [
      ['ipt_interpersonal_inventory', 'Interpersonal inventory'],
      ['ipt_grief', 'Work on grief'],
      ['ipt_role_dispute', 'Work on a role dispute'],
      ['ipt_role_transition', 'Work on a role transition'],
      ['ipt_interpersonal_deficits', 'Work on interpersonal sensitivity'],
      ['ipt_communication_analysis', 'Communication analysis'],
      ['ipt_role_play', 'Role play'],
    ],
  },
  {
    group: 'Medication management',
    items: [
      ['med_adherence_review', 'Adherence review'],
      ['med_side_effect_review', 'Side-effect review'],
      ['med_dose_change_discussed', 'Dose change discussed'],
      ['med_education', 'Medication education'],
      ['med_monitoring_review', 'Lab or monitoring review'],
    ],
  },
  {
    group: 'Any therapy',
    items: [
      ['safety_planning', 'Safety planning'],
      ['motivational_interviewing', 'Motivational interviewing'],
      ['practice_review', 'Review of practice between sessions'],
      ['measure_review', 'Review of questionnaire results'],
    ],
  },
] as const;

type Item = (typeof interventionGroups)[number]['items'][number];
export type InterventionCode = Item[0];

export const interventionCodes = interventionGroups.flatMap((g) => g.items.map((i) => i[0])) as [
  InterventionCode,
  ...InterventionCode[],
];

const labels = new Map<string, string>(interventionGroups.flatMap((g) => g.items.map((i) => [i[0], i[1]])));

export function interventionLabel(code: string): string {
  return labels.get(code) ?? code;
}

export function isInterventionCode(code: string): code is InterventionCode {
  return labels.has(code);
}
