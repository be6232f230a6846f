import { describe, expect, it } from 'vitest';
import { flushOutcome, keepForLater } from './offline-queue-rules';

describe('offline writes (issue 17)', () => {
  it.each([
    [0, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [409, false],
    [500, false],
    [422, false],
  ])('a first attempt answered %i is kept for later: %s', (status, kept) => {
    expect(keepForLater(status)).toBe(kept);
  });

  it.each([
    [200, 'sent'],
    [201, 'sent'],
    [0, 'wait'],
    [401, 'wait'],
    [408, 'wait'],
    [429, 'wait'],
    [500, 'wait'],
    [503, 'wait'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [409, 'refused'],
    [412, 'refused'],
    [422, 'refused'],
  ] as const)('a waiting write answered %i is %s', (status, outcome) => {
    expect(flushOutcome(status)).toBe(outcome);
  });
});
