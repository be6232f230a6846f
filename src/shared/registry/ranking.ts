import type { RegistryFlag } from './flags.js';
import type { RegistryQuery, RegistryRow, RegistrySortKey } from './schemas.js';

/**
 * "Needs attention first" (care-rules.md, systematic caseload review: not improving, no recent contact,
 * safety risk). Tiers, most urgent first: safety risk; worsening; an urgent or high open alert; not
 * improving; low adherence (issue 4: below 80% over 14 days goes to prescriber and therapist as high);
 * marked for case review; measure overdue; no recent contact; everyone else.
 */
export function attentionTier(row: {
  flags: readonly RegistryFlag[];
  openAlerts: { urgent: number; high: number };
}): number {
  const has = (f: RegistryFlag) => row.flags.includes(f);
  if (has('safety_risk')) return 0;
  if (has('worsening')) return 1;
  if (row.openAlerts.urgent + row.openAlerts.high > 0) return 2;
  if (has('not_improving')) return 3;
  if (has('low_adherence')) return 4;
  if (has('case_review')) return 5;
  if (has('overdue')) return 6;
  if (has('no_recent_contact')) return 7;
  return 8;
}

type Sortable = Omit<RegistryRow, 'attentionTier'> & { attentionTier: number };
const byName = (a: Sortable, b: Sortable) =>
  a.familyName.localeCompare(b.familyName) ||
  a.givenName.localeCompare(b.givenName) ||
  a.patientId.localeCompare(b.patientId);

/** Nulls last whatever the direction: a patient without data never pushes those with data off the top. */
function nullable(a: number | string | null, b: number | string | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a < b ? -1 : a > b ? 1 : 0) * dir;
}

const keyOf: Record<
  Exclude<RegistrySortKey, 'attention' | 'name'>,
  (r: Sortable) => number | string | null
> = {
  weeks: (r) => r.weeksInTreatment,
  phq9: (r) => r.phq9.latest?.total ?? null,
  gad7: (r) => r.gad7.latest?.total ?? null,
  change: (r) => r.phq9.changePercent,
  lastContact: (r) => r.lastClinicianContactAt,
  nextDue: (r) => r.nextMeasureDue,
  adherence: (r) => r.adherence?.percent ?? null,
};

/** Default directions: the most concerning end first (highest scores, smallest fall, oldest contact…). */
const defaultOrder: Record<RegistrySortKey, 'asc' | 'desc'> = {
  attention: 'asc',
  name: 'asc',
  weeks: 'desc',
  phq9: 'desc',
  gad7: 'desc',
  change: 'asc',
  lastContact: 'asc',
  nextDue: 'asc',
  adherence: 'asc',
};

export function compareRegistryRows(sort: RegistrySortKey, order?: 'asc' | 'desc') {
  const dir = (order ?? defaultOrder[sort]) === 'asc' ? 1 : -1;
  return (a: Sortable, b: Sortable): number => {
    if (sort === 'name') return byName(a, b) * dir;
    if (sort === 'attention')
      return (
        (a.attentionTier - b.attentionTier) * dir ||
        b.openAlerts.total - a.openAlerts.total ||
        nullable(a.phq9.latest?.total ?? null, b.phq9.latest?.total ?? null, -1) ||
        byName(a, b)
      );
    return nullable(keyOf[sort](a), keyOf[sort](b), dir) || byName(a, b);
  };
}

/** Filters (status, any of the flags, part of the name) and sorts; pure, so the web app can re-sort locally. */
export function arrangeRegistry<T extends Sortable>(rows: readonly T[], query: RegistryQuery): T[] {
  const q = query.q?.toLowerCase();
  return rows
    .filter((r) => !query.status?.length || query.status.includes(r.status))
    .filter((r) => !query.flag?.length || query.flag.some((f) => r.flags.includes(f)))
    .filter((r) => !q || `${r.givenName} ${r.familyName}`.toLowerCase().includes(q))
    .sort(compareRegistryRows(query.sort, query.order));
}
