import { describe, expect, it } from 'vitest';
import { MAX_PUSH_ATTEMPTS, retryDelayMs, verdictOf } from './sender.js';
import { topicOf } from './web-push-send.js';

describe('what a push service answer means (RFC 8030)', () => {
  it.each([
    [201, 1, 'sent'],
    [202, 1, 'sent'],
    [404, 1, 'gone'],
    [410, 3, 'gone'],
    [429, 1, 'retry'],
    [500, 2, 'retry'],
    [503, MAX_PUSH_ATTEMPTS - 1, 'retry'],
    [503, MAX_PUSH_ATTEMPTS, 'failed'],
    [0, 1, 'retry'],
    [400, 1, 'failed'],
    [413, 1, 'failed'],
  ])('status %i on attempt %i → %s', (status, attempts, verdict) => {
    expect(verdictOf({ status, retryAfterMs: null }, attempts)).toBe(verdict);
  });
});

describe('back-off', () => {
  it.each([
    [1, null, 60_000],
    [2, null, 120_000],
    [4, null, 480_000],
    [10, null, 3_600_000],
    [1, 300_000, 300_000],
    [1, 10 * 3_600_000, 3_600_000],
  ])('attempt %i with Retry-After %s ms waits %i ms', (attempts, retryAfter, wait) => {
    expect(retryDelayMs(attempts, retryAfter)).toBe(wait);
  });
});

describe('Topic header', () => {
  it('is 32 base64url characters that do not contain the tag', () => {
    const tag = 'dose:0192f0aa-1111-7000-8000-000000000001:2026-11-02:08:00';
    expect(topicOf(tag)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topicOf(tag)).not.toContain('2026');
    expect(topicOf(tag)).toBe(topicOf(tag));
    expect(topicOf(`${tag}x`)).not.toBe(topicOf(tag));
  });
});
