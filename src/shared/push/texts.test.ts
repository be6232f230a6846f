import { describe, expect, it } from 'vitest';
import { appointmentMessage, pushPayloadFor, spokenTime, type PushMessage } from './texts.js';
import { instantAt } from '../time/index.js';

const doseKey = '0192f0aa-1111-7000-8000-000000000001:2026-11-02:08:00';

describe('push texts: nothing clinical on the lock screen', () => {
  it.each<[PushMessage, string, string]>([
    [{ kind: 'doses', time: '08:00', doseKey }, 'Time for your 8:00 medicine', '/home/medications'],
    [{ kind: 'doses', time: '20:30', doseKey }, 'Time for your 20:30 medicine', '/home/medications'],
    [{ kind: 'questionnaires' }, 'A check-in is ready', '/home'],
    [
      { kind: 'appointments', day: 'tomorrow', time: '14:00' },
      'Appointment tomorrow at 14:00',
      '/home/appointments',
    ],
    [{ kind: 'appointments', day: 'soon', time: null }, 'Appointment coming up', '/home/appointments'],
    [{ kind: 'replies' }, 'New message from your care team', '/home/messages'],
    [{ kind: 'urgentAlerts', alertId: 'a1' }, 'Urgent alert for a patient on your team', '/inbox?alert=a1'],
  ])('%j → "%s"', (message, body, url) => {
    const p = pushPayloadFor(message);
    expect(p.title).toBe('Duet');
    expect(p.body).toBe(body);
    expect(p.url).toBe(url);
  });

  it('gives each dose its own tag (a snooze replaces it) and only doses can be snoozed', () => {
    expect(pushPayloadFor({ kind: 'doses', time: '08:00', doseKey }).tag).toBe(`dose:${doseKey}`);
    expect(pushPayloadFor({ kind: 'doses', time: '08:00', doseKey }).snoozeDoseKey).toBe(doseKey);
    expect(pushPayloadFor({ kind: 'replies' }).snoozeDoseKey).toBeUndefined();
  });

  it('never shows words outside a short list of plain phrases (no drug, dose, score or name can reach it)', () => {
    const allowed =
      /^(Time for your \d{1,2}:\d{2} medicine|A check-in is ready|Appointment( today| tomorrow| coming up)( at \d{1,2}:\d{2})?|New message from your care team|Urgent alert for a patient on your team)$/;
    const messages: PushMessage[] = [
      { kind: 'doses', time: '07:05', doseKey: 'x:2026-01-01:07:05' },
      { kind: 'appointments', day: 'today', time: '09:15' },
      { kind: 'questionnaires' },
      { kind: 'replies' },
      { kind: 'urgentAlerts', alertId: null },
    ];
    for (const m of messages) expect(pushPayloadFor(m).body).toMatch(allowed);
  });

  it('says times the way people do', () => {
    expect(spokenTime('08:00')).toBe('8:00');
    expect(spokenTime('00:30')).toBe('0:30');
    expect(spokenTime('12:00')).toBe('12:00');
  });
});

describe('appointment reminders in the patient zone', () => {
  const zone = 'America/Chicago';
  const now = instantAt('2026-11-02', '15:00', zone);
  it.each([
    ['2026-11-03', '14:00', 'Appointment tomorrow at 14:00'],
    ['2026-11-02', '18:30', 'Appointment today at 18:30'],
    ['2026-11-04', '09:00', 'Appointment coming up'],
  ])('%s %s → "%s"', (date, time, body) => {
    expect(pushPayloadFor(appointmentMessage(instantAt(date, time, zone), now, zone)).body).toBe(body);
  });

  it('says "tomorrow" by the patient local day, not UTC', () => {
    // 23:30 in Chicago on 2 Nov is already 3 Nov in UTC; 08:00 on 3 Nov in Chicago is tomorrow there.
    const lateEvening = instantAt('2026-11-02', '23:30', zone);
    expect(appointmentMessage(instantAt('2026-11-03', '08:00', zone), lateEvening, zone)).toEqual({
      kind: 'appointments',
      day: 'tomorrow',
      time: '08:00',
    });
  });
});
