/**
 * The country a patient most likely lives in, from their IANA time zone, for when nobody has recorded
 * their country yet (issue 12: a patient in Europe/Berlin saw only US numbers). A recorded country always
 * wins; a zone not listed here falls back to the clinic's country. Zones are from the IANA tz database
 * (zone1970.tab / zone.tab country codes), limited to the countries crisis-lines.md covers and the EU.
 */
const zonesByCountry: Record<string, readonly string[]> = {
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Los_Angeles',
    'America/Phoenix',
    'America/Anchorage',
    'America/Adak',
    'America/Boise',
    'America/Detroit',
    'America/Juneau',
    'America/Sitka',
    'America/Yakutat',
    'America/Nome',
    'America/Metlakatla',
    'America/Menominee',
    'America/Puerto_Rico',
    'Pacific/Honolulu',
    'US/Eastern',
    'US/Central',
    'US/Mountain',
    'US/Pacific',
    'US/Alaska',
    'US/Hawaii',
    'US/Arizona',
  ],
  CA: [
    'America/Toronto',
    'America/Vancouver',
    'America/Edmonton',
    'America/Winnipeg',
    'America/Halifax',
    'America/St_Johns',
    'America/Regina',
    'America/Moncton',
    'America/Glace_Bay',
    'America/Goose_Bay',
    'America/Whitehorse',
    'America/Dawson',
    'America/Dawson_Creek',
    'America/Fort_Nelson',
    'America/Creston',
    'America/Iqaluit',
    'America/Rankin_Inlet',
    'America/Resolute',
    'America/Cambridge_Bay',
    'America/Inuvik',
    'America/Swift_Current',
    'America/Atikokan',
    'America/Blanc-Sablon',
    'America/Montreal',
  ],
  GB: ['Europe/London', 'Europe/Belfast'],
  IE: ['Europe/Dublin'],
  DE: ['Europe/Berlin', 'Europe/Busingen'],
  AT: ['Europe/Vienna'],
  CH: ['Europe/Zurich'],
  FR: ['Europe/Paris'],
  NL: ['Europe/Amsterdam'],
  AU: [
    'Australia/Sydney',
    'Australia/Melbourne',
    'Australia/Brisbane',
    'Australia/Adelaide',
    'Australia/Perth',
    'Australia/Hobart',
    'Australia/Darwin',
    'Australia/Canberra',
    'Australia/Lord_Howe',
    'Australia/Broken_Hill',
    'Australia/Lindeman',
    'Australia/Eucla',
    'Antarctica/Macquarie',
  ],
  NZ: ['Pacific/Auckland', 'Pacific/Chatham'],
  BE: ['Europe/Brussels'],
  LU: ['Europe/Luxembourg'],
  ES: ['Europe/Madrid', 'Atlantic/Canary', 'Africa/Ceuta'],
  PT: ['Europe/Lisbon', 'Atlantic/Madeira', 'Atlantic/Azores'],
  IT: ['Europe/Rome'],
  GR: ['Europe/Athens'],
  PL: ['Europe/Warsaw'],
  CZ: ['Europe/Prague'],
  SK: ['Europe/Bratislava'],
  HU: ['Europe/Budapest'],
  SI: ['Europe/Ljubljana'],
  HR: ['Europe/Zagreb'],
  RO: ['Europe/Bucharest'],
  BG: ['Europe/Sofia'],
  DK: ['Europe/Copenhagen'],
  SE: ['Europe/Stockholm'],
  FI: ['Europe/Helsinki', 'Europe/Mariehamn'],
  EE: ['Europe/Tallinn'],
  LV: ['Europe/Riga'],
  LT: ['Europe/Vilnius'],
  MT: ['Europe/Malta'],
  CY: ['Asia/Nicosia', 'Asia/Famagusta', 'Europe/Nicosia'],
};

const countryByZone: ReadonlyMap<string, string> = new Map(
  Object.entries(zonesByCountry).flatMap(([country, zones]) => zones.map((zone) => [zone, country] as const)),
);

/** The ISO country of a time zone listed above, or null (UTC, Etc/*, zones of other countries). */
export function countryFromTimeZone(timeZone: string | null | undefined): string | null {
  if (!timeZone) return null;
  return countryByZone.get(timeZone) ?? null;
}

/** Whose numbers a patient sees: their recorded country, else their time zone's, else the clinic's. */
export function effectivePatientCountry(
  recorded: string | null | undefined,
  timeZone: string | null | undefined,
  clinicCountry: string,
): { country: string; basis: 'recorded' | 'time_zone' | 'clinic' } {
  if (recorded) return { country: recorded, basis: 'recorded' };
  const fromZone = countryFromTimeZone(timeZone);
  if (fromZone) return { country: fromZone, basis: 'time_zone' };
  return { country: clinicCountry, basis: 'clinic' };
}
