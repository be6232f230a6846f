import { describe, expect, it } from 'vitest';
import { CaseloadCache, keptBytes, type KeptCaseload } from './caseload-cache.js';

const answer = (version: number, json = '{"patients":[]}', patientIds: string[] = []): KeptCaseload => ({
  version,
  json,
  patientIds,
});

describe('CaseloadCache', () => {
  it('answers only under the version the entry was read under', () => {
    const cache = new CaseloadCache();
    cache.keep('c1', 'u1', answer(3, '{"a":1}', ['p1']));
    expect(cache.get('c1', 'u1', 3)).toMatchObject({ json: '{"a":1}', patientIds: ['p1'] });
    expect(cache.get('c1', 'u1', 4)).toBeUndefined();
    expect(cache.get('c1', 'u1', 2)).toBeUndefined();
    expect(cache.get('c1', 'u2', 3)).toBeUndefined();
    expect(cache.get('c2', 'u1', 3)).toBeUndefined();
  });

  it('keeps the later of two answers that finish out of order', () => {
    const cache = new CaseloadCache();
    cache.keep('c1', 'u1', answer(5, 'new'));
    cache.keep('c1', 'u1', answer(4, 'old'));
    expect(cache.get('c1', 'u1', 5)?.json).toBe('new');
    cache.keep('c1', 'u1', answer(6, 'newer'));
    expect(cache.get('c1', 'u1', 6)?.json).toBe('newer');
    expect(cache.size).toBe(1);
  });

  it('holds at most maxEntries, the least recently used out first', () => {
    const cache = new CaseloadCache(2, 1_000_000);
    cache.keep('c', 'a', answer(1));
    cache.keep('c', 'b', answer(1));
    expect(cache.get('c', 'a', 1)).toBeDefined(); // a is now the most recently used
    cache.keep('c', 'c', answer(1));
    expect(cache.size).toBe(2);
    expect(cache.get('c', 'b', 1)).toBeUndefined();
    expect(cache.get('c', 'a', 1)).toBeDefined();
    expect(cache.get('c', 'c', 1)).toBeDefined();
  });

  it('holds at most maxBytes, and never keeps one answer larger than that', () => {
    const one = keptBytes(answer(1, 'x'.repeat(100), ['p1']));
    const cache = new CaseloadCache(100, one * 2);
    cache.keep('c', 'a', answer(1, 'x'.repeat(100), ['p1']));
    cache.keep('c', 'b', answer(1, 'y'.repeat(100), ['p1']));
    expect(cache.bytes).toBe(one * 2);
    cache.keep('c', 'c', answer(1, 'z'.repeat(100), ['p1']));
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(one * 2);
    expect(cache.get('c', 'a', 1)).toBeUndefined();
    cache.keep('c', 'huge', answer(1, 'h'.repeat(one * 2)));
    expect(cache.get('c', 'huge', 1)).toBeUndefined();
    expect(cache.size).toBe(2);
    // Replacing an entry releases what the old one held.
    cache.keep('c', 'b', answer(2, 'y'.repeat(10)));
    expect(cache.bytes).toBe(one + keptBytes(answer(2, 'y'.repeat(10))));
  });
});
