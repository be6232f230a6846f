// Reading a 412 answer: the record as it is now, in details.current.
import type { CareTeamMember, PatientOverview } from '../../../shared/patients/api';
import { roleLabel } from '../../components/format';

export function currentFrom412(details: unknown): PatientOverview | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = details.current;
  if (typeof current !== 'object' || current === null) return null;
  return 'version' in current && 'careTeam' in current && 'givenName' in current
    ? (current as PatientOverview)
    : null;
}

/** Sentences saying how a care team changed, e.g. "Jordan Lee was removed as care manager". */
export function describeTeamChange(before: CareTeamMember[], after: CareTeamMember[]): string[] {
  const key = (m: CareTeamMember) => `${m.userId}:${m.role}`;
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return [
    ...after
      .filter((m) => !had.has(key(m)))
      .map((m) => `${m.name} was added as ${roleLabel(m.role).toLowerCase()}`),
    ...before
      .filter((m) => !has.has(key(m)))
      .map((m) => `${m.name} was removed as ${roleLabel(m.role).toLowerCase()}`),
  ];
}
