import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, renderCalendar, triggerOf } from './ical.js';
import { appointmentAlarms, doseAlarms } from './alarms.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar writer (RFC 5545)', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nline', 'crlf\\nline'],
    ['all ; , \\ \n', 'all \\; \\, \\\\ \\n'],
  ])('escapes %j', (input, want) => {
    expect(escapeText(input)).toBe(want);
  });

  it.each([
    [Date.UTC(2026, 2, 2, 8, 0, 0), '20260302T080000Z'],
    [Date.UTC(2026, 11, 31, 23, 59, 59, 999), '20261231T235959Z'],
  ])('writes instants in UTC', (instant, want) => {
    expect(formatUtc(instant)).toBe(want);
  });

  it('leaves a line of 75 octets alone and folds a longer one at 75 octets', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const long = `DESCRIPTION:${'y'.repeat(200)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    expect(octets(physical[0]!)).toBe(75);
    for (const p of physical.slice(1)) {
      expect(p.startsWith(' ')).toBe(true);
      expect(octets(p)).toBeLessThanOrEqual(75);
    }
    // Unfolding (remove CRLF + one space) gives the original back.
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('never splits a multi-byte character when folding', () => {
    const long = `SUMMARY:${'é'.repeat(60)}${'😀'.repeat(20)}`;
    const folded = foldLine(long);
    for (const p of folded.split('\r\n')) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('renders a calendar with CRLF line ends, UID, DTSTAMP and DTSTART in UTC', () => {
    const text = renderCalendar({
      name: 'Duet',
      generatedAt: Date.UTC(2026, 2, 1, 12, 0, 0),
      events: [
        { uid: 'a@duet', start: Date.UTC(2026, 2, 2, 8, 0), end: null, summary: 'Medication reminder' },
        {
          uid: 'b@duet',
          start: Date.UTC(2026, 2, 2, 9, 0),
          end: Date.UTC(2026, 2, 2, 10, 0),
          summary: 'Session, room 2',
          description: 'Bring\nnotes',
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:a@duet');
    expect(lines).toContain('DTSTAMP:20260301T120000Z');
    expect(lines).toContain('DTSTART:20260302T080000Z');
    expect(lines).toContain('DTEND:20260302T100000Z');
    expect(lines).toContain('SUMMARY:Session\\, room 2');
    expect(lines).toContain('DESCRIPTION:Bring\\nnotes');
    // The first event is a moment: no DTEND between its BEGIN and END.
    const first = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT'));
    expect(first.some((l) => l.startsWith('DTEND'))).toBe(false);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});

describe('alarms (VALARM, RFC 5545 §3.6.6)', () => {
  it.each([
    [0, 'PT0S'],
    [15, '-PT15M'],
    [60, '-PT1H'],
    [90, '-PT90M'],
    [1440, '-P1D'],
  ])('a trigger %i minutes before is %s', (minutes, want) => {
    expect(triggerOf(minutes)).toBe(want);
  });

  it('refuses an alarm after the start', () => {
    expect(() => triggerOf(-5)).toThrow();
  });

  it('writes each alarm inside its VEVENT with ACTION, TRIGGER and DESCRIPTION, in order', () => {
    const text = renderCalendar({
      name: 'Duet',
      generatedAt: Date.UTC(2026, 2, 1, 12, 0, 0),
      events: [
        {
          uid: 'appt@duet',
          start: Date.UTC(2026, 2, 3, 14, 0),
          end: Date.UTC(2026, 2, 3, 14, 50),
          summary: 'Appointment (in person)',
          alarms: appointmentAlarms,
        },
        {
          uid: 'dose@duet',
          start: Date.UTC(2026, 2, 2, 8, 0),
          end: null,
          summary: 'Medication reminder',
          alarms: doseAlarms,
        },
        { uid: 'plain@duet', start: Date.UTC(2026, 2, 2, 9, 0), end: null, summary: 'No alarm' },
      ],
    });
    const lines = text.split('\r\n');
    const event = (uid: string) => {
      const from = lines.indexOf(`UID:${uid}`);
      return lines.slice(from, lines.indexOf('END:VEVENT', from) + 1);
    };
    expect(event('appt@duet').slice(-12)).toEqual([
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P1D',
      'DESCRIPTION:Appointment tomorrow',
      'END:VALARM',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-PT1H',
      'DESCRIPTION:Appointment in 1 hour',
      'END:VALARM',
      'END:VEVENT',
    ]);
    expect(event('dose@duet').slice(-6)).toEqual([
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:PT0S',
      'DESCRIPTION:Medication reminder',
      'END:VALARM',
      'END:VEVENT',
    ]);
    expect(event('plain@duet').join('\n')).not.toContain('VALARM');
    // Every BEGIN has its END, and VALARMs sit only inside VEVENTs.
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(3);
    expect(lines.filter((l) => l === 'END:VALARM')).toHaveLength(3);
  });
});
