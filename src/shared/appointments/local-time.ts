/**
 * Local wall-clock time in an IANA zone <-> instants, with Intl only (no date library). Appointments are
 * booked as "Tuesday 09:00 in the patient's zone"; the instant is derived, so 09:00 stays 09:00 across a
 * daylight-saving change.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

export interface LocalDateTime {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM (24 h) */
  time: string;
}

function fields(instant: number, zone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The local day and time of an instant in a zone. */
export function localDateTimeOf(instant: number, zone: string): LocalDateTime {
  const f = fields(instant, zone);
  return {
    day: `${pad(f.year ?? 0, 4)}-${pad(f.month ?? 1)}-${pad(f.day ?? 1)}`,
    time: `${pad(f.hour ?? 0)}:${pad(f.minute ?? 0)}`,
  };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(instant: number, zone: string): number {
  const f = fields(instant, zone);
  const asUtc = Date.UTC(
    f.year ?? 0,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    f.hour ?? 0,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local day and time in a zone. A time skipped by a spring-forward gap moves forward by
 * the gap (02:30 → 03:30); an ambiguous time in the autumn overlap takes the earlier (first) one.
 */
export function instantOf(day: string, time: string, zone: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two candidates from the offsets around the wall time; prefer the earliest that reads back the same.
  const candidates = [
    wall - offsetAt(wall - DAY_MS / 2, zone),
    wall - offsetAt(wall + DAY_MS / 2, zone),
  ].sort((a, b) => a - b);
  for (const c of candidates) {
    const back = localDateTimeOf(c, zone);
    if (back.day === day && back.time === time) return c;
  }
  // In a gap: keep the wall-clock distance from the earlier offset (lands after the gap).
  return wall - offsetAt(wall - DAY_MS / 2, zone);
}

export { addDays, daysBetween } from '../time/index.js';

export const minutes = (n: number): number => n * MINUTE_MS;

/** True when the zone is a real IANA zone this runtime knows. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
