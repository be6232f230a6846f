/**
 * The time module: calendar dates, clock times and instants in IANA zones, used by every feature (issue 18).
 * Pure (Intl only, no I/O, no clock: callers pass instants from deps.clock).
 */
export {
  addDays,
  dayNumber,
  dayOfNumber,
  daysBetween,
  eachDay,
  minutes,
  minutesOf,
  utcMidnightOf,
  wallOf,
  wallParts,
  weekdayOf,
} from './days.js';
export {
  instantAt,
  localDate,
  localDateTime,
  localTime,
  occurrencesAt,
  offsetAt,
  startOfLocalDay,
  type LocalDateTime,
} from './local-time.js';
export { assertTimeZone, isValidTimeZone, UnknownTimeZoneError } from './zone.js';
export { timeZoneSchema } from './schemas.js';
