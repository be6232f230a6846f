import { describe, expect, it } from 'vitest';
import {
  REFUSED_ATTEMPTS_QUIET_MS,
  REFUSED_ATTEMPTS_THRESHOLD,
  decideRefusal,
  type RefusalDecision,
} from './refused-attempts.js';

const now = 1_800_000_000_000;
const cases: [string, number, number | null, RefusalDecision][] = [
  ['one refusal, no burst before', 1, null, 'below_threshold'],
  ['nine refusals in the window', REFUSED_ATTEMPTS_THRESHOLD - 1, null, 'below_threshold'],
  ['the tenth refusal starts a burst', REFUSED_ATTEMPTS_THRESHOLD, null, 'new_burst'],
  ['more than ten, no burst yet', 40, null, 'new_burst'],
  ['the burst goes on (last refusal a minute ago)', 40, now - 60_000, 'same_burst'],
  ['a single refusal soon after a burst extends it', 1, now - 30 * 60_000, 'same_burst'],
  ['exactly the quiet period after: still the same burst', 12, now - REFUSED_ATTEMPTS_QUIET_MS, 'same_burst'],
  [
    'after an hour of quiet, ten more start a new burst',
    10,
    now - REFUSED_ATTEMPTS_QUIET_MS - 1,
    'new_burst',
  ],
  [
    'after an hour of quiet, a few refusals are not a burst',
    3,
    now - 2 * REFUSED_ATTEMPTS_QUIET_MS,
    'below_threshold',
  ],
];

describe('repeated refused attempts by one account (product policy)', () => {
  it.each(cases)('%s', (_name, inWindow, lastBurstAt, expected) => {
    expect(decideRefusal(inWindow, lastBurstAt, now)).toBe(expected);
  });
});
