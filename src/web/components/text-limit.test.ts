import { describe, expect, it } from 'vitest';
import { textLimit } from './text-limit';

describe('textLimit: counters near a limit, never a silent cut', () => {
  it.each([
    ['', 1000, null, null],
    ['a'.repeat(799), 1000, null, null],
    ['a'.repeat(800), 1000, '800 of 1,000 characters', null],
    ['a'.repeat(1000), 1000, '1,000 of 1,000 characters', null],
    [
      'a'.repeat(1001),
      1000,
      '1,001 of 1,000 characters',
      '1 character over the limit of 1,000: shorten it to save.',
    ],
    [
      'a'.repeat(1050),
      1000,
      '1,050 of 1,000 characters',
      '50 characters over the limit of 1,000: shorten it to save.',
    ],
    ['abcde', 5, '5 of 5 characters', null],
    ['abcd', 5, '4 of 5 characters', null],
    ['abc', 5, null, null],
  ])('%#: %s chars of %i', (value, max, counter, error) => {
    expect(textLimit(value, max)).toEqual({ counter, error });
  });
});
