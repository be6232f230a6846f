// The words for a role a departing clinician left empty (issue 15): "No therapist since 7 Dec 2026: <reason>".
import type { CareTeamVacancy } from '../../../shared/patients/api';
import { localDate } from '../../../shared/time/index';
import { browserTimeZone, formatDay, roleLabel } from '../../components/format';

export function vacancyLine(
  v: Pick<CareTeamVacancy, 'role' | 'since' | 'reason'>,
  timeZone: string = browserTimeZone(),
): string {
  const since = formatDay(localDate(v.since, timeZone));
  return `No ${roleLabel(v.role).toLowerCase()} since ${since}: ${v.reason}`;
}

/** Who left the role and who chose to leave it unassigned. */
export function vacancyDetail(v: CareTeamVacancy): string {
  return `${v.leftName} left the team; left unassigned by ${v.byName}`;
}
