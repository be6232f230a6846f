/**
 * Calendar days ('YYYY-MM-DD') as whole numbers, without Date or Intl: schedules, due dates and the registry
 * do day arithmetic for every patient of a caseload, and parsing and formatting through Date was a visible
 * part of a registry request. Proleptic Gregorian calendar, day 0 = 1970-01-01 (the conversion is the
 * standard era/day-of-era arithmetic: 400-year eras of 146,097 days, years starting on 1 March so the leap
 * day comes last). Anything that is not a well-formed day falls back to Date, which keeps its behaviour
 * (NaN, or a RangeError when formatting).
 */
const DAY_MS = 86_400_000;
const ZERO = 48; // '0'

function isDayShape(day: string): boolean {
  return day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45;
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
};

/** Days since 1970-01-01 of a calendar day (NaN when it is not one). */
export function dayNumber(day: string): number {
  if (!isDayShape(day)) return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  const month = digits(day, 5, 7);
  const date = digits(day, 8, 10);
  if (!(month >= 1 && month <= 12 && date >= 1 && date <= 31)) return NaN;
  const y = digits(day, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

/** The calendar day of a day number (inverse of dayNumber); a fraction counts as part of that day, as in Date. */
export function dayOfNumber(dayNo: number): string {
  if (!Number.isFinite(dayNo)) return new Date(NaN).toISOString(); // throws RangeError, as Date did
  const n = Math.floor(dayNo);
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(n * DAY_MS).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`;
}

/** A calendar day plus whole days (n may be negative; no time zone involved: days are days). */
export function addDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant 00:00 UTC of a calendar day. */
export function utcMidnightOf(day: string): number {
  return dayNumber(day) * DAY_MS;
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = (((dayNumber(day) + 3) % 7) + 7) % 7;
  return (n + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Every calendar day from `from` to `to`, both included (empty when `to` is earlier). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Minutes after midnight of a clock time 'HH:MM'. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** A span of whole minutes in milliseconds. */
export const minutes = (n: number): number => n * 60_000;

/**
 * A local day and clock time as one number: the wall clock read as if it were UTC. For wall-clock
 * arithmetic only ("09:00 plus 90 minutes"); never an instant.
 */
export function wallOf(day: string, time: string): number {
  return utcMidnightOf(day) + minutesOf(time) * 60_000;
}

/** The local day and clock time of a wall-clock number (the inverse of wallOf). */
export function wallParts(wall: number): { day: string; time: string } {
  const iso = new Date(wall).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}
