import { countryName, euCountries } from './countries.js';
import { defaultCrisisResourcesByCountry, euEmergency } from './defaults.js';
import type { ClinicCrisisResource, CrisisResource, CrisisResourceSet, CrisisSituation } from './schemas.js';

/** The built-in resources for a country: the reference's set, 112 alone for other EU countries, else none. */
export function defaultsFor(country: string): CrisisResource[] {
  const known = defaultCrisisResourcesByCountry[country];
  if (known)
    return known.map((r) => ({ ...r, otherPhones: [...r.otherPhones], languages: [...r.languages] }));
  return euCountries.has(country) ? [{ ...euEmergency, otherPhones: [], languages: [] }] : [];
}

/**
 * The resources for someone in `country`, in the clinic's own order: the clinic's entries for that country
 * when it set any (its own country or another), else the defaults for that country. So a patient living
 * outside the clinic's country gets their own country's defaults unless the clinic wrote entries for it.
 */
export function resourcesFor(
  country: string,
  clinicResources: readonly ClinicCrisisResource[],
): { from: 'clinic' | 'defaults'; resources: CrisisResource[] } {
  const own = clinicResources.filter((r) => r.country === country);
  if (own.length === 0) return { from: 'defaults', resources: defaultsFor(country) };
  const resources: CrisisResource[] = own.map(({ country: _c, ...r }) => r);
  // An emergency number is always shown (crisis-lines.md: "the patient still sees the emergency number"):
  // a clinic list without one gets the country's default emergency number(s) after its own entries.
  if (!resources.some((r) => r.kind === 'emergency'))
    resources.push(...defaultsFor(country).filter((r) => r.kind === 'emergency'));
  return { from: 'clinic', resources };
}

/**
 * The order for a situation (crisis-lines.md): a physical emergency lists the emergency number first;
 * self-harm lists the crisis line first with the emergency number beside it (next). Within a kind the
 * clinic's order is kept; nothing is dropped.
 */
export function orderedFor(
  situation: CrisisSituation,
  resources: readonly CrisisResource[],
): CrisisResource[] {
  const rank: Record<CrisisResource['kind'], number> =
    situation === 'physical_emergency'
      ? { emergency: 0, crisis_line: 1, other: 2 }
      : { crisis_line: 0, emergency: 1, other: 2 };
  return resources
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => rank[a.resource.kind] - rank[b.resource.kind] || a.index - b.index)
    .map(({ resource }) => resource);
}

/** Everything a screen needs to show one patient's crisis resources for a situation. */
export function crisisResourceSet(
  country: string,
  situation: CrisisSituation,
  clinicResources: readonly ClinicCrisisResource[],
): CrisisResourceSet {
  const { from, resources } = resourcesFor(country, clinicResources);
  return {
    country,
    countryName: countryName(country),
    situation,
    from,
    noCrisisLine: !resources.some((r) => r.kind === 'crisis_line'),
    noEmergencyNumber: !resources.some((r) => r.kind === 'emergency'),
    resources: orderedFor(situation, resources),
  };
}

/** Product policy: an entry not checked for more than a year is flagged for the admin to re-check. */
export function needsRecheck(lastVerified: string, today: string): boolean {
  const [y, m, d] = lastVerified.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return true;
  const dueDay = `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return today > dueDay;
}
