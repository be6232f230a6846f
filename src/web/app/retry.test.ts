import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { retryTransient } from './retry';

describe('retryTransient: no client retries of refusals', () => {
  const network = new ApiError(0, 'network', 'Duet could not be reached.');
  const server = new ApiError(503, 'internal', 'Something went wrong on our side.');
  it.each([
    ['validation_failed', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['precondition_failed', 412],
    ['rate_limited', 429],
  ])('never retries %s (%i)', (code, status) => {
    expect(retryTransient(0, new ApiError(status, code, 'no'))).toBe(false);
  });

  it('retries a lost connection or a server failure at most twice', () => {
    for (const error of [network, server]) {
      expect(retryTransient(0, error)).toBe(true);
      expect(retryTransient(1, error)).toBe(true);
      expect(retryTransient(2, error)).toBe(false);
    }
  });

  it('does not retry errors that are not from the API client', () => {
    expect(retryTransient(0, new TypeError('x is undefined'))).toBe(false);
  });
});
