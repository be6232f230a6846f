/**
 * A small RFC 5545 (iCalendar) writer for the private calendar feed: just what a subscribed phone calendar
 * needs (VCALENDAR with VEVENTs and their VALARMs, issue 17). Written here rather than taken from a library so every byte is ours:
 * CRLF line ends (§3.1), lines folded at 75 octets without splitting a UTF-8 character (§3.1), TEXT
 * escaping (§3.3.11) and instants in UTC ("Z", §3.3.5).
 */
export interface CalendarEvent {
  /** Globally unique and stable, so a calendar updates an event rather than adding a copy. */
  uid: string;
  start: number;
  /** null: the event is a moment (no DTEND; RFC 5545 §3.6.1 makes it end when it starts). */
  end: number | null;
  summary: string;
  description?: string;
  /** Reminders the phone's calendar shows itself (VALARM, RFC 5545 §3.6.6), e.g. at the time or an hour before. */
  alarms?: readonly CalendarAlarm[];
}

/** A DISPLAY alarm `minutesBefore` the event's start (0: at the start), with discreet words. */
export interface CalendarAlarm {
  minutesBefore: number;
  description: string;
}

export interface CalendarDocument {
  /** PRODID and X-WR-CALNAME. */
  name: string;
  /** DTSTAMP of every event: when this feed was generated. */
  generatedAt: number;
  events: CalendarEvent[];
}

const CRLF = '\r\n';

/** 20260302T080000Z */
export function formatUtc(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line is longer than 75 octets: the first keeps 75, each continuation
 * starts with one space and carries 74 more. Splits only between characters, never inside one.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A TRIGGER relative to the start (RFC 5545 §3.3.6 dur-value): 0 → PT0S, 60 → -PT1H, 1440 → -P1D, 15 → -PT15M. */
export function triggerOf(minutesBefore: number): string {
  if (!Number.isInteger(minutesBefore) || minutesBefore < 0)
    throw new Error('an alarm goes at or before the start');
  if (minutesBefore === 0) return 'PT0S';
  if (minutesBefore % 1440 === 0) return `-P${String(minutesBefore / 1440)}D`;
  if (minutesBefore % 60 === 0) return `-PT${String(minutesBefore / 60)}H`;
  return `-PT${String(minutesBefore)}M`;
}

/** The VALARM lines of one event (ACTION, TRIGGER and DESCRIPTION are required for DISPLAY, §3.6.6). */
function alarmLines(alarms: readonly CalendarAlarm[]): string[] {
  return alarms.flatMap((a) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${triggerOf(a.minutesBefore)}`,
    `DESCRIPTION:${escapeText(a.description)}`,
    'END:VALARM',
  ]);
}

export function renderCalendar(doc: CalendarDocument): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Duet//${escapeText(doc.name)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(doc.name)}`,
  ];
  const stamp = formatUtc(doc.generatedAt);
  for (const e of doc.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(e.start)}`,
    );
    if (e.end !== null) lines.push(`DTEND:${formatUtc(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('TRANSP:TRANSPARENT', ...alarmLines(e.alarms ?? []), 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
