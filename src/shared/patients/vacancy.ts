import { z } from 'zod';
import { careTeamRoleSchema } from '../access/roles.js';

/**
 * A role on a patient's care team that a departing clinician left empty with the admin's explicit "leave
 * unassigned" and reason (issue 15). It is shown until someone takes the role again.
 */
export const careTeamVacancySchema = z.object({
  role: careTeamRoleSchema,
  /** The clinician who left the role. */
  leftName: z.string(),
  /** When the role was left empty (epoch ms). */
  since: z.number(),
  reason: z.string(),
  /** The admin who chose to leave it unassigned. */
  byName: z.string(),
});
export type CareTeamVacancy = z.infer<typeof careTeamVacancySchema>;

export interface VacancyRemoval {
  role: string;
  reason: string | null;
  at: number;
}

/**
 * The vacancies to show, from the removals of roles nobody holds now, newest first: per role only the latest
 * removal counts, and only when it carried a departure's reason (an ordinary team edit carries none).
 */
export function openVacancies<T extends VacancyRemoval>(removalsNewestFirst: readonly T[]): T[] {
  const seen = new Set<string>();
  return removalsNewestFirst.filter((r) => {
    if (seen.has(r.role)) return false;
    seen.add(r.role);
    return r.reason !== null;
  });
}
