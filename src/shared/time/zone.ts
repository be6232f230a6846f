/**
 * IANA time zones, with Intl only. One rule for a zone this runtime does not know: it is refused at the
 * edge (the zod schemas use `isValidTimeZone`, so a bad zone is a 400 at its field and never stored), and
 * every function of the time module throws `UnknownTimeZoneError` when handed one anyway (a programming
 * error, not a user mistake). Nothing falls back to UTC silently.
 */

/** Thrown by the time module for a zone name this runtime does not know. */
export class UnknownTimeZoneError extends RangeError {
  constructor(readonly zone: string) {
    super(`Unknown time zone "${zone}" (expected an IANA name such as America/Chicago).`);
    this.name = 'UnknownTimeZoneError';
  }
}

// An IANA name: letters first, then letters, digits, _ + - in '/'-separated parts (Europe/Berlin,
// America/Argentina/Buenos_Aires, Etc/GMT+5, EST5EDT, UTC). Offsets such as '+05:00', which newer
// runtimes accept as a zone, are not zone names.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// One formatter per zone, made once: building an Intl.DateTimeFormat costs far more than using one
// (issue 19 measured a third of a second per minute of day lookups that built one per call).
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const unknownZones = new Set<string>();

function makeFormatter(zone: string): Intl.DateTimeFormat | null {
  if (zone.length > 64 || !ZONE_NAME.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return null;
  }
}

/** The cached wall-clock formatter of a zone; throws UnknownTimeZoneError for an unknown zone. */
export function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  const known = wallFormatters.get(zone);
  if (known) return known;
  if (unknownZones.has(zone)) throw new UnknownTimeZoneError(zone);
  const made = makeFormatter(zone);
  if (!made) {
    if (unknownZones.size < 1000) unknownZones.add(zone);
    throw new UnknownTimeZoneError(zone);
  }
  wallFormatters.set(zone, made);
  return made;
}

/** True when the zone is an IANA zone name this runtime knows (e.g. 'Europe/London', 'UTC'). */
export function isValidTimeZone(zone: string): boolean {
  try {
    wallClockFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone itself when known; otherwise throws UnknownTimeZoneError. */
export function assertTimeZone(zone: string): string {
  wallClockFormatter(zone);
  return zone;
}
