/**
 * Questionnaires as versioned data. Wording, options, scoring, bands and LOINC codes are exactly those of
 * ../shared/clinical/instruments.md: changing them makes scores incomparable with the literature. Adding an
 * instrument is adding an entry here (scoring, interpretation, schedule and the API read only this data).
 */

export interface AnswerOption {
  value: number;
  label: string;
  /** LOINC answer code. */
  loinc: string | null;
}

export interface InstrumentItem {
  /** Stable id of the item within the instrument, e.g. 'phq9-9'. */
  linkId: string;
  text: string;
  loinc: string;
}

export interface SeverityBand {
  /** Inclusive range of totals. */
  min: number;
  max: number;
  code: string;
  label: string;
}

export interface Instrument {
  id: string;
  version: string;
  /** Short name shown in lists and used by the treatment plan's measurement plan ('PHQ-9'). */
  name: string;
  title: string;
  stem: string;
  items: readonly InstrumentItem[];
  options: readonly AnswerOption[];
  /** An unscored question asked after the items (PHQ-9's difficulty question), or null. */
  functionalItem: { text: string; loinc: string | null; options: readonly AnswerOption[] } | null;
  totalLoinc: string;
  panelLoinc: string;
  maxTotal: number;
  severityBands: readonly SeverityBand[];
  severitySource: string;
  /** The item whose any answer above 0 starts the safety path (PHQ-9 item 9), or null. */
  safetyItemLinkId: string | null;
  interpretation: {
    /** Remission when total < this; null when the clinical files define no remission for the instrument. */
    remissionBelow: number | null;
    remissionSource: string | null;
    /** Reliable change in points (improvement or deterioration). */
    reliableChangePoints: number;
    reliableChangeSource: string;
  };
  attribution: string;
}

/** instruments.md, "Licence and attribution": shown wherever the forms are shown or printed. */
export const PFIZER_ATTRIBUTION =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

/** instruments.md, "Shared stem and answer options". */
export const SHARED_STEM =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';
export const SHARED_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

// instruments.md, "PHQ-9" (panel 44249-1, total 44261-6).
const phq9: Instrument = {
  id: 'phq9',
  version: '1',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  stem: SHARED_STEM,
  items: [
    { linkId: 'phq9-1', text: 'Little interest or pleasure in doing things', loinc: '44250-9' },
    { linkId: 'phq9-2', text: 'Feeling down, depressed, or hopeless', loinc: '44255-8' },
    { linkId: 'phq9-3', text: 'Trouble falling or staying asleep, or sleeping too much', loinc: '44259-0' },
    { linkId: 'phq9-4', text: 'Feeling tired or having little energy', loinc: '44254-1' },
    { linkId: 'phq9-5', text: 'Poor appetite or overeating', loinc: '44251-7' },
    {
      linkId: 'phq9-6',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      loinc: '44258-2',
    },
    {
      linkId: 'phq9-7',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      loinc: '44252-5',
    },
    {
      linkId: 'phq9-8',
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      loinc: '44253-3',
    },
    {
      linkId: 'phq9-9',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      loinc: '44260-8',
    },
  ],
  options: SHARED_OPTIONS,
  functionalItem: {
    text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    // instruments.md marks LOINC 69722-7 "unverified".
    loinc: '69722-7',
    options: [
      { value: 0, label: 'Not difficult at all', loinc: null },
      { value: 1, label: 'Somewhat difficult', loinc: null },
      { value: 2, label: 'Very difficult', loinc: null },
      { value: 3, label: 'Extremely difficult', loinc: null },
    ],
  },
  totalLoinc: '44261-6',
  panelLoinc: '44249-1',
  maxTotal: 27,
  // LOINC answer list LL382-3; Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606-613.
  severityBands: [
    { min: 0, max: 4, code: 'minimal', label: 'None/minimal' },
    { min: 5, max: 9, code: 'mild', label: 'Mild' },
    { min: 10, max: 14, code: 'moderate', label: 'Moderate' },
    { min: 15, max: 19, code: 'moderately_severe', label: 'Moderately severe' },
    { min: 20, max: 27, code: 'severe', label: 'Severe' },
  ],
  severitySource: 'Kroenke, Spitzer, Williams, J Gen Intern Med 2001;16:606-613 (LOINC LL382-3)',
  safetyItemLinkId: 'phq9-9',
  interpretation: {
    remissionBelow: 5, // PHQ-9 < 5: ICSI; AIMS Center
    remissionSource: 'ICSI depression guideline; AIMS Center',
    reliableChangePoints: 6, // NHS Talking Therapies manual, via secondary sources
    reliableChangeSource: 'NHS Talking Therapies manual (via secondary sources)',
  },
  attribution: PFIZER_ATTRIBUTION,
};

// instruments.md, "GAD-7" (panel 69737-5, total 70274-6); item codes follow loinc.org's panel listing.
const gad7: Instrument = {
  id: 'gad7',
  version: '1',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  stem: SHARED_STEM,
  items: [
    { linkId: 'gad7-1', text: 'Feeling nervous, anxious or on edge', loinc: '69725-0' },
    { linkId: 'gad7-2', text: 'Not being able to stop or control worrying', loinc: '68509-9' },
    { linkId: 'gad7-3', text: 'Worrying too much about different things', loinc: '69733-4' },
    { linkId: 'gad7-4', text: 'Trouble relaxing', loinc: '69734-2' },
    { linkId: 'gad7-5', text: 'Being so restless that it is hard to sit still', loinc: '69735-9' },
    { linkId: 'gad7-6', text: 'Becoming easily annoyed or irritable', loinc: '69689-8' },
    { linkId: 'gad7-7', text: 'Feeling afraid as if something awful might happen', loinc: '69736-7' },
  ],
  options: SHARED_OPTIONS,
  functionalItem: null,
  totalLoinc: '70274-6',
  panelLoinc: '69737-5',
  maxTotal: 21,
  // Spitzer et al., Arch Intern Med 2006;166:1092-1097.
  severityBands: [
    { min: 0, max: 4, code: 'minimal', label: 'Minimal' },
    { min: 5, max: 9, code: 'mild', label: 'Mild' },
    { min: 10, max: 14, code: 'moderate', label: 'Moderate' },
    { min: 15, max: 21, code: 'severe', label: 'Severe' },
  ],
  severitySource: 'Spitzer et al., Arch Intern Med 2006;166:1092-1097',
  safetyItemLinkId: null,
  interpretation: {
    // The clinical files define remission for PHQ-9 only.
    remissionBelow: null,
    remissionSource: null,
    reliableChangePoints: 4, // NHS Talking Therapies manual, via secondary sources
    reliableChangeSource: 'NHS Talking Therapies manual (via secondary sources)',
  },
  attribution: PFIZER_ATTRIBUTION,
};

export const instrumentList: readonly Instrument[] = [phq9, gad7];
export const instrumentIds = ['phq9', 'gad7'] as const;
export type InstrumentId = (typeof instrumentIds)[number];

export function findInstrument(id: string): Instrument | undefined {
  return instrumentList.find((i) => i.id === id);
}

/** The instrument by id; throws for an unknown id (callers validate ids with instrumentIds first). */
export function instrumentById(id: InstrumentId): Instrument {
  const found = findInstrument(id);
  if (!found) throw new Error(`Unknown instrument ${id}`);
  return found;
}

/** The treatment plan names questionnaires 'PHQ-9' / 'GAD-7'. */
export function instrumentByName(name: string): Instrument | undefined {
  return instrumentList.find((i) => i.name === name);
}
