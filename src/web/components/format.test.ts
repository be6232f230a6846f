import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone, browserToday, dateTimeInputValue, dayOf, instantOfDateTimeInput } from './format';
import { localDate, localDateTime } from '../../shared/time/index';

describe('datetime-local values in the browser zone (through the time module)', () => {
  const minutes = [Date.UTC(2026, 2, 8, 7, 30), Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 11, 31, 23, 59)];

  it.each(minutes)('round-trips %i', (ms) => {
    const value = dateTimeInputValue(ms);
    const { date, time } = localDateTime(ms, browserTimeZone());
    expect(value).toBe(`${date}T${time}`);
    expect(instantOfDateTimeInput(value)).toBe(ms);
  });

  it('reads anything that is not a datetime-local value as no instant', () => {
    expect(instantOfDateTimeInput('')).toBeNaN();
    expect(instantOfDateTimeInput('tomorrow')).toBeNaN();
  });

  it('keys a day in the given zone', () => {
    const ms = Date.UTC(2026, 10, 2, 3, 0);
    expect(dayOf(ms, 'America/Chicago').key).toBe('2026-11-01');
    expect(dayOf(ms, 'Pacific/Kiritimati').key).toBe('2026-11-02');
    expect(dayOf(ms).key).toBe(localDate(ms, browserTimeZone()));
  });
});

describe('browserToday', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is today's date in the browser zone, not in UTC", () => {
    const now = Date.UTC(2026, 10, 2, 3, 0); // the evening of 1 Nov in the Americas, 2 Nov east of UTC
    vi.useFakeTimers({ now });
    expect(browserToday()).toBe(localDate(now, browserTimeZone()));
    // The copy browserToday replaced, kept here as the oracle.
    // eslint-disable-next-line no-restricted-syntax
    expect(browserToday()).toBe(new Date(now).toLocaleDateString('en-CA'));
  });
});
