import type { IptProblemArea } from './sharing.js';
import type { PracticeType } from './content.js';
import type { Sharing } from './sharing.js';

/**
 * The practice library as data, with a version: an assignment records the version it was made with,
 * so a later change of wording never changes what an earlier entry meant. Structure from care-rules.md
 * "Therapy between sessions"; all wording is Duet's own.
 */
export const PRACTICE_LIBRARY_VERSION = '1';

export interface PracticeKind {
  type: PracticeType;
  /** The clinician's name for it. */
  name: string;
  /** The patient's name for it. */
  patientName: string;
  /** One line for the therapist choosing it. */
  forClinician: string;
  /** One line telling the patient what it asks of them. */
  forPatient: string;
  /**
   * Who sees an entry unless the patient chooses otherwise. Writing about thoughts, relationships and
   * personal exercises is more private (therapist only); ratings the whole team acts on (how the day
   * went, urges, distress) are shared with the team. The patient can change it on every entry.
   */
  defaultSharing: Sharing;
}

export const practiceLibrary: readonly PracticeKind[] = [
  {
    type: 'thought_record',
    name: 'CBT thought record',
    patientName: 'Thought record',
    forClinician:
      'Situation, moods 0-100, automatic thoughts with the hot thought, evidence for and against, a balanced thought and re-rated moods.',
    forPatient:
      'When your mood shifts, write down what happened, what went through your mind, and look at it again from another side.',
    defaultSharing: 'therapist',
  },
  {
    type: 'behavioural_activation',
    name: 'Behavioural activation log',
    patientName: 'Activity log',
    forClinician:
      'Activities per time block with mood 0-10, mastery and pleasure; planned activities against what was done.',
    forPatient:
      'Plan a few things for your day, note what you actually did, and how much you enjoyed it and felt you achieved.',
    defaultSharing: 'team',
  },
  {
    type: 'diary_card',
    name: 'DBT diary card',
    patientName: 'Diary card',
    forClinician:
      'Daily emotion ratings, urges to target behaviours and whether acted on, skills used, distress.',
    forPatient:
      'Once a day: how strong your feelings and urges were, which skills you used, and your distress.',
    defaultSharing: 'team',
  },
  {
    type: 'ipt_log',
    name: 'IPT interpersonal log',
    patientName: 'Relationships log',
    forClinician: "An interaction log focused on the plan's IPT problem area.",
    forPatient:
      'Write about a moment with someone in your life: what happened, how it felt, what you might try next.',
    defaultSharing: 'therapist',
  },
  {
    type: 'free_form',
    name: 'Free-form exercise',
    patientName: 'Exercise',
    forClinician: 'Your own instructions; the patient writes a response and rates how helpful it was.',
    forPatient: 'An exercise your therapist wrote for you.',
    defaultSharing: 'therapist',
  },
];

export function practiceKind(type: PracticeType): PracticeKind {
  const kind = practiceLibrary.find((k) => k.type === type);
  if (!kind) throw new Error(`Unknown practice type ${type}`);
  return kind;
}

/** Names for IPT's four problem areas (care-rules.md "IPT focus"). */
export const iptAreaNames: Record<IptProblemArea, string> = {
  grief: 'Grief',
  role_disputes: 'Role disputes',
  role_transitions: 'Role transitions',
  interpersonal_deficits: 'Interpersonal deficits',
};

/** The question the interpersonal log asks for each problem area (our wording). */
export const iptPrompts: Record<IptProblemArea, string> = {
  grief: 'Did anything remind you of the person you lost? What did you do with that feeling?',
  role_disputes: 'What did you want from them, and what do you think they wanted from you?',
  role_transitions: 'What do you miss about how things were, and what might the new situation offer?',
  interpersonal_deficits: 'Was there a chance to connect with someone? What made it easier or harder?',
};

/** Starting rows of a new diary card; the patient can add their own. */
export const diaryDefaults = {
  emotions: ['Sadness', 'Anger', 'Fear', 'Shame', 'Joy'],
  urges: ['Self-harm', 'Suicide', 'Using alcohol or drugs', 'Quitting therapy'],
  skills: [
    'Wise mind',
    'Observe and describe',
    'Opposite action',
    'Check the facts',
    'Self-soothe',
    'Distract',
    'TIPP',
    'Radical acceptance',
    'DEAR MAN',
    'Please (look after body)',
  ],
} as const;

/** Starting time blocks of a new activity log. */
export const activityBlockDefaults = ['Morning', 'Midday', 'Afternoon', 'Evening'] as const;

/** Moods a thought record suggests (the patient can name their own). */
export const moodSuggestions = [
  'Sad',
  'Anxious',
  'Angry',
  'Ashamed',
  'Guilty',
  'Hopeless',
  'Lonely',
] as const;
