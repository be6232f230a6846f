/**
 * Local calendar days and wall-clock times in an IANA time zone, with Intl only (no date library).
 * A day is 'YYYY-MM-DD'; a time is 'HH:MM' (24 h); an instant is epoch ms.
 */
import { addDays, daysBetween, utcMidnightOf } from '../time/index.js';

const DAY_MS = 86_400_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the zone (e.g. 'Europe/London'). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallAt(instant: number, timeZone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day') wall[p.type] = Number(p.value);
    else if (p.type === 'hour' || p.type === 'minute' || p.type === 'second') wall[p.type] = Number(p.value);
  }
  return wall;
}

/** The wall clock at `instant` read as if it were UTC: minus the instant gives the zone's offset. */
function wallAsUtc(instant: number, timeZone: string): number {
  const w = wallAt(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset from UTC (ms) in force at an instant. */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar day of an instant. */
export function localDay(instant: number, timeZone: string): string {
  const w = wallAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local wall-clock time ('HH:MM') of an instant. */
export function localTimeOf(instant: number, timeZone: string): string {
  const w = wallAt(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

const dayMs = utcMidnightOf;
export { addDays, daysBetween };

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const d = new Date(dayMs(day)).getUTCDay();
  return (d === 0 ? 7 : d) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Minutes after midnight of 'HH:MM'. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * The instant of a local wall-clock time on a local day.
 * A time that does not exist (the spring-forward gap) moves forward by the gap (02:30 → 03:30 in New York);
 * an ambiguous time (fall back) takes the first occurrence.
 */
export function instantOf(day: string, time: string, timeZone: string): number {
  // Patients share zones, days and dose times, so the same few answers are asked for again and again
  // (a registry of 120 patients expands thousands of doses): remember them. Bounded, pure, so always safe.
  const key = `${timeZone}|${day}|${time}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const value = computeInstant(day, time, timeZone);
  if (instants.size >= MAX_REMEMBERED) instants.clear();
  instants.set(key, value);
  return value;
}

const MAX_REMEMBERED = 200_000;
const instants = new Map<string, number>();

function computeInstant(day: string, time: string, timeZone: string): number {
  const wall = dayMs(day) + minutesOf(time) * 60_000;
  // The offsets in force well before and well after the wall time: every candidate uses one of them.
  const before = offsetAt(wall - 2 * DAY_MS, timeZone);
  const after = offsetAt(wall + 2 * DAY_MS, timeZone);
  const candidates = [wall - before, wall - after]
    .filter((t) => wallAsUtc(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0] ?? wall - before;
  // In the gap: the clock jumped over this time, so use the offset from before the jump (moves it forward).
  return wall - before;
}

/** A local day and time as one number (the wall clock read as if it were UTC): wall-clock arithmetic. */
export function wallOf(day: string, time: string): number {
  return dayMs(day) + minutesOf(time) * 60_000;
}

/** The local day and time of a wall-clock number (inverse of wallOf). */
export function wallParts(wall: number): { day: string; time: string } {
  const iso = new Date(wall).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * Every instant at which the local wall clock shows this time on this day, earliest first: one on an
 * ordinary day, two in the hour repeated when the clocks go back, none in the spring-forward gap.
 */
export function occurrencesOf(day: string, time: string, timeZone: string): number[] {
  const key = `${timeZone}|${day}|${time}`;
  const known = occurrences.get(key);
  if (known !== undefined) return known;
  const wall = wallOf(day, time);
  const before = offsetAt(wall - 2 * DAY_MS, timeZone);
  const after = offsetAt(wall + 2 * DAY_MS, timeZone);
  const value = [...new Set([wall - before, wall - after])]
    .filter((t) => wallAsUtc(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (occurrences.size >= MAX_REMEMBERED) occurrences.clear();
  occurrences.set(key, value);
  return value;
}
const occurrences = new Map<string, number[]>();

/** Days from..to inclusive (empty when to < from). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}
