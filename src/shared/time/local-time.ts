/**
 * Instants (epoch ms) <-> the local date and clock time in an IANA zone, with Intl only. A date is
 * 'YYYY-MM-DD', a time 'HH:MM' (24 h). Care happens on the patient's wall clock ("09:00 on Tuesday in
 * Chicago"); the instant is derived, so 09:00 stays 09:00 across a daylight-saving change.
 *
 * Daylight-saving rule for a local time (instantAt):
 * - in the spring-forward gap (the time never shows on the clock) it moves forward by the gap:
 *   02:30 on the New York spring-forward day is 03:30 EDT;
 * - in the autumn overlap (the time shows twice) it is the earlier of the two instants:
 *   01:30 on the New York fall-back day is 01:30 EDT, not 01:30 EST.
 * An unknown zone throws UnknownTimeZoneError (see zone.ts).
 */
import { minutesOf, utcMidnightOf } from './days.js';
import { wallClockFormatter } from './zone.js';

const DAY_MS = 86_400_000;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallAt(instant: number, zone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of wallClockFormatter(zone).formatToParts(instant)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day') wall[p.type] = Number(p.value);
    else if (p.type === 'hour' || p.type === 'minute' || p.type === 'second') wall[p.type] = Number(p.value);
  }
  return wall;
}

/** The wall clock at `instant` read as if it were UTC, to the second. */
function wallAsUtc(instant: number, zone: string): number {
  const w = wallAt(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  const w = wallAt(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local clock time ('HH:MM') of an instant in a zone. */
export function localTime(instant: number, zone: string): string {
  const w = wallAt(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 h) */
  time: string;
}

/** The local date and clock time of an instant in a zone. */
export function localDateTime(instant: number, zone: string): LocalDateTime {
  const w = wallAt(instant, zone);
  return {
    date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
  };
}

/** The zone's offset from UTC in ms at an instant (positive east of Greenwich). */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(whole, zone) - whole;
}

// Patients share zones, dates and dose times, so the same few answers are asked for again and again (a
// registry of 120 patients expands thousands of doses): remember them. Bounded and pure, so always safe.
const MAX_REMEMBERED = 200_000;
const instants = new Map<string, number>();
const occurrences = new Map<string, readonly number[]>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, value);
  return value;
}

/** The candidates for a wall-clock time, from the offsets in force a day before and a day after it. */
function candidates(wall: number, zone: string): { before: number; found: number[] } {
  // |offset| <= 14 h, so the instant lies within a day of the wall time read as UTC.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const found = [...new Set([wall - before, wall - after])]
    .filter((t) => wallAsUtc(t, zone) === wall)
    .sort((a, b) => a - b);
  return { before, found };
}

/**
 * The instant of a local date and clock time in a zone. A time in the spring-forward gap moves forward by
 * the gap; a time in the autumn overlap is the earlier of its two instants (see the top of this file).
 */
export function instantAt(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const wall = utcMidnightOf(date) + minutesOf(time) * 60_000;
  const { before, found } = candidates(wall, zone);
  // In the gap no instant shows this time: keep the offset from before the jump, which lands after it.
  return remember(instants, key, found[0] ?? wall - before);
}

/**
 * Every instant at which the local clock shows this time on this date, earliest first: one on an ordinary
 * day, two in the hour repeated when the clocks go back, none in the spring-forward gap.
 */
export function occurrencesAt(date: string, time: string, zone: string): readonly number[] {
  const key = `${zone}|${date}|${time}`;
  const known = occurrences.get(key);
  if (known !== undefined) return known;
  const wall = utcMidnightOf(date) + minutesOf(time) * 60_000;
  return remember(occurrences, key, candidates(wall, zone).found);
}

/** The first instant of the local date of `instant` (01:00 where the clocks jump over midnight). */
export function startOfLocalDay(instant: number, zone: string): number {
  return instantAt(localDate(instant, zone), '00:00', zone);
}
