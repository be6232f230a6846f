import { planContentSchema, type PlanContent, type PlanContentInput } from './schemas.js';
import { resourceLine } from '../crisis/links.js';
import type { CrisisResource } from '../crisis/schemas.js';

/**
 * Default measurement plan: PHQ-9 and GAD-7 at baseline, every 2 weeks for the first 12 weeks, then
 * every 4 weeks. Source: /shared/clinical/care-rules.md, "Measurement schedule (product defaults)",
 * which follows the collaborative-care practice of contact about every 2 weeks in the acute phase and
 * about monthly in continuation (AIMS Center / IMPACT).
 */
export const defaultMeasurementPlan: PlanContent['measurement'] = {
  questionnaires: [
    { instrument: 'PHQ-9', atBaseline: true, everyWeeksEarly: 2, earlyPhaseWeeks: 12, everyWeeksAfter: 4 },
    { instrument: 'GAD-7', atBaseline: true, everyWeeksEarly: 2, earlyPhaseWeeks: 12, everyWeeksAfter: 4 },
  ],
};

type Contacts = PlanContent['safetyPlan']['professionalsAndCrisisLines'];

/**
 * The crisis lines a safety plan starts with: the patient's own country's crisis resources for self-harm
 * (crisis line first, then the emergency number), from the one crisis module (shared/crisis; sources in
 * crisis-lines.md). Services without a phone number (text or web only) are written with how to reach them.
 */
export function crisisLinesForPlan(resources: readonly CrisisResource[]): Contacts {
  return resources.map((r) =>
    r.phone
      ? {
          name: r.otherPhones.length > 0 ? `${r.name} (also ${r.otherPhones.join(', ')})` : r.name,
          phone: r.phone,
        }
      : { name: resourceLine(r), phone: null },
  );
}

/** A new plan with nothing written yet but the defaults, and the patient's crisis lines when given. */
export function blankPlan(crisisLines: Contacts = []): PlanContent {
  return planContentSchema.parse({
    measurement: defaultMeasurementPlan,
    safetyPlan: { professionalsAndCrisisLines: crisisLines },
  } satisfies PlanContentInput);
}

export interface TemplateDefinition {
  name: string;
  description: string;
  content: PlanContent;
}

/** The templates every clinic starts with (seeded the first time a clinic lists its templates). */
export function defaultTemplates(): TemplateDefinition[] {
  const base = blankPlan();
  return [
    {
      name: 'Depression: CBT + SSRI',
      description: 'Weekly CBT with an SSRI, measured with PHQ-9 and GAD-7.',
      content: planContentSchema.parse({
        ...base,
        problems: [{ id: 'p1', description: 'Depression', icd10: 'F32.1' }],
        goals: [
          {
            id: 'g1',
            inPatientsWords: 'Feel like myself again',
            measurableTarget: 'PHQ-9 below 5',
          },
        ],
        therapy: {
          modality: 'CBT',
          frequency: 'weekly',
          plannedSessions: 16,
          focus: 'Behavioural activation, then unhelpful thoughts',
          practiceBetweenSessions: 'Activity log daily; one thought record a week from session 4',
        },
        medication: { strategy: 'Start an SSRI (e.g. sertraline 50 mg), aim for 100 mg by week 4' },
      } satisfies PlanContentInput),
    },
    {
      name: 'Bipolar: IPT/social-rhythm + mood stabiliser',
      description: 'Interpersonal and social rhythm therapy with a mood stabiliser.',
      content: planContentSchema.parse({
        ...base,
        problems: [{ id: 'p1', description: 'Bipolar disorder', icd10: 'F31.9' }],
        goals: [
          {
            id: 'g1',
            inPatientsWords: 'Keep a steady routine and stay well',
            measurableTarget: 'Regular sleep and wake times 5 days a week',
          },
        ],
        therapy: {
          modality: 'IPT',
          frequency: 'weekly',
          plannedSessions: 20,
          focus: 'Social rhythm: regular daily routines',
          iptProblemArea: 'role_transitions',
          practiceBetweenSessions: 'Daily social rhythm record',
        },
        medication: { strategy: 'Mood stabiliser (e.g. lithium) with level monitoring' },
      } satisfies PlanContentInput),
    },
  ];
}
