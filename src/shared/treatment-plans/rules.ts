import type { CareTeamRole } from '../access/roles.js';
import type { PlanContent, PlanSection } from './schemas.js';
import { addDays } from '../time/index.js';

/**
 * Who may change which part of a draft: the therapist owns the therapy part, the prescriber the
 * medication part; problems, goals, measurement, review date and safety plan are shared by the whole
 * care team (care manager included).
 */
export const sectionOwners: Partial<Record<PlanSection, CareTeamRole>> = {
  therapy: 'therapist',
  medication: 'prescriber',
};

/** The sections among `changed` that `role` may not change. */
export function forbiddenSections(role: CareTeamRole, changed: readonly string[]): string[] {
  return changed.filter((s) => {
    const owner = sectionOwners[s as PlanSection];
    return owner !== undefined && owner !== role;
  });
}

/** The roles whose signatures make a version the agreed plan. */
export const signingRoles = ['therapist', 'prescriber'] as const satisfies readonly CareTeamRole[];

export interface Missing {
  path: string;
  message: string;
}

/** What a version still lacks before it can be signed: a plan worth agreeing names these at least. */
export function missingForSignature(c: PlanContent): Missing[] {
  const out: Missing[] = [];
  if (c.problems.length === 0) out.push({ path: 'problems', message: 'Add at least one problem.' });
  if (c.goals.length === 0) out.push({ path: 'goals', message: 'Add at least one goal.' });
  if (c.therapy.modality === null) out.push({ path: 'therapy.modality', message: 'Choose a therapy.' });
  if (c.therapy.modality === 'IPT' && c.therapy.iptProblemArea === null)
    out.push({ path: 'therapy.iptProblemArea', message: 'Choose the IPT problem area.' });
  if (c.medication.strategy === '')
    out.push({
      path: 'medication.strategy',
      message: 'Describe the medication plan (or say there is none).',
    });
  return out;
}

/**
 * The review date of a newly agreed version: the date the plan names, or the clinic's default number of
 * weeks after the day of agreement (product default 4 weeks, clinic setting planReviewWeeks; issue 3).
 */
export function reviewDateFor(c: PlanContent, agreedDay: string, reviewWeeks: number): string {
  return c.reviewDate ?? addDays(agreedDay, reviewWeeks * 7);
}
