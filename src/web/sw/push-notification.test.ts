import { describe, expect, it } from 'vitest';
import { pushPayloadFor } from '../../shared/push/texts';
import { notificationOptions, parsePushPayload, SNOOZE_ACTION, targetUrl } from './push-notification';

const dose = pushPayloadFor({ kind: 'doses', time: '08:00', doseKey: 'm1:2026-11-02:08:00' });

describe('service worker push notification', () => {
  it('shows the server payload with its tag, renotifying, and a Snooze 15 min action for a dose', () => {
    const parsed = parsePushPayload(JSON.stringify(dose));
    expect(parsed).toEqual(dose);
    const o = notificationOptions(dose);
    expect(o.body).toBe('Time for your 8:00 medicine');
    expect(o.tag).toBe('dose:m1:2026-11-02:08:00');
    expect(o.renotify).toBe(true);
    expect(o.actions).toEqual([{ action: SNOOZE_ACTION, title: 'Snooze 15 min' }]);
    expect(o.data).toEqual({ url: '/home/medications', snoozeDoseKey: 'm1:2026-11-02:08:00' });
  });

  it('offers no snooze for other kinds', () => {
    expect(notificationOptions(pushPayloadFor({ kind: 'replies' })).actions).toBeUndefined();
  });

  it.each([
    'not json',
    '{}',
    JSON.stringify({ ...dose, url: 'https://evil.example/' }),
    JSON.stringify({ ...dose, url: '//evil.example' }),
  ])('ignores a payload that is not ours: %s', (text) => {
    expect(parsePushPayload(text)).toBeNull();
  });

  it('opens only pages of this origin', () => {
    expect(targetUrl({ url: '/home/messages' }, 'https://duet.example')).toBe(
      'https://duet.example/home/messages',
    );
    expect(targetUrl({ url: 'https://evil.example' }, 'https://duet.example')).toBe('https://duet.example/');
    expect(targetUrl(null, 'https://duet.example')).toBe('https://duet.example/');
  });
});
