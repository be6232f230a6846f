// The web app's one date-and-time formatter for instants (issue 15): the user's locale decides 12 or 24 hours
// and the order of day and month; the zone is named whenever it differs from the viewer's, with the viewer's
// own time beside it ("Wed 9 Dec, 08:00 Berlin (01:00 your time)").
import { localDate } from '../../shared/time/index';
import { browserTimeZone } from '../components/format';

type Kind = 'time' | 'day';
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per kind, zone and locale, made once. `timeStyle: 'short'` gives 12 or 24 hours by locale. */
function formatter(kind: Kind, zone: string, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${zone}|${locale ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      kind === 'time'
        ? { timeStyle: 'short', timeZone: zone }
        : { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone },
    );
    formatters.set(key, f);
  }
  return f;
}

function dayTime(ms: number, zone: string, locale: string | undefined, withDay: boolean): string {
  const time = formatter('time', zone, locale).format(ms);
  return withDay ? `${formatter('day', zone, locale).format(ms)}, ${time}` : time;
}

/** "Berlin", "Los Angeles", "UTC": the place an IANA zone is named after. */
export function zoneName(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

export interface WhenOptions {
  /** The zone the instant belongs to (an appointment's, a patient's). Default: the viewer's. */
  zone?: string;
  /** The viewer's zone (default: the browser's). */
  viewerZone?: string;
  /** BCP 47 locale (default: the browser's). */
  locale?: string;
  /** Leave the day out ("08:00"). */
  timeOnly?: boolean;
}

/**
 * An instant as day and time for people. In the viewer's own zone: "Wed 9 Dec, 08:00". In another zone:
 * "Wed 9 Dec, 08:00 Berlin (01:00 your time)", with the viewer's day too when it is another day there
 * ("Tue 8 Dec, 23:00 your time").
 */
export function formatWhen(ms: number, options: WhenOptions = {}): string {
  const viewer = options.viewerZone ?? browserTimeZone();
  const zone = options.zone ?? viewer;
  const withDay = options.timeOnly !== true;
  const there = dayTime(ms, zone, options.locale, withDay);
  if (sameClock(ms, zone, viewer)) return there;
  const sameDay = localDate(ms, zone) === localDate(ms, viewer);
  const here = dayTime(ms, viewer, options.locale, withDay && !sameDay);
  return `${there} ${zoneName(zone)} (${here} your time)`;
}

/** The viewer's own time of an instant, for a second line beside another zone's ("01:00"). */
export function formatClock(ms: number, zone?: string, locale?: string): string {
  return formatter('time', zone ?? browserTimeZone(), locale).format(ms);
}

/** A local day heading in a zone ("Wed 9 Dec"). */
export function formatDayOf(ms: number, zone?: string, locale?: string): string {
  return formatter('day', zone ?? browserTimeZone(), locale).format(ms);
}

/** Two zones show the same wall clock at this instant (the same zone, or two names for one offset). */
function sameClock(ms: number, a: string, b: string): boolean {
  if (a === b) return true;
  const f = (z: string) => dayTime(ms, z, 'en-GB', true);
  return f(a) === f(b);
}

/**
 * The same instant on another zone's clock for a second line ("08:00 Berlin"; with the day when it is another
 * day there: "Thu 10 Dec, 00:30 Berlin"); null when that zone shows the viewer's clock.
 */
export function timeThere(ms: number, zone: string, options: Omit<WhenOptions, 'zone'> = {}): string | null {
  const viewer = options.viewerZone ?? browserTimeZone();
  if (sameClock(ms, zone, viewer)) return null;
  const sameDay = localDate(ms, zone) === localDate(ms, viewer);
  return `${dayTime(ms, zone, options.locale, !sameDay && options.timeOnly !== true)} ${zoneName(zone)}`;
}
