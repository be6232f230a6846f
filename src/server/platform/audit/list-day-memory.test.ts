import { describe, expect, it } from 'vitest';
import { createListDayMemory } from './list-day-memory.js';

// Migration 054: the day index is written once per (patient, actor, day); this memory says which pairs this
// process already knows are committed. Forgetting is always safe (the insert ignores a row already there);
// remembering a pair that is not in the index is not, so only what `remember` was told is known.

describe('the memory of day-index pairs already written', () => {
  it.each([
    ['nothing remembered', [], 'c1', 'u1', 10, ['p1', 'p2'], ['p1', 'p2']],
    ['the same pairs, same day', [['c1', 'u1', 10, ['p1', 'p2']]], 'c1', 'u1', 10, ['p1', 'p2'], []],
    ['one new patient', [['c1', 'u1', 10, ['p1']]], 'c1', 'u1', 10, ['p1', 'p2'], ['p2']],
    ['another actor', [['c1', 'u1', 10, ['p1']]], 'c1', 'u2', 10, ['p1'], ['p1']],
    ['another clinic', [['c1', 'u1', 10, ['p1']]], 'c2', 'u1', 10, ['p1'], ['p1']],
    ['the next day', [['c1', 'u1', 10, ['p1']]], 'c1', 'u1', 11, ['p1'], ['p1']],
    ['the day before', [['c1', 'u1', 10, ['p1']]], 'c1', 'u1', 9, ['p1'], ['p1']],
  ] as const)('%s', (_name, remembered, clinic, actor, day, asked, expected) => {
    const memory = createListDayMemory();
    for (const [c, a, d, ps] of remembered) memory.remember(c, a, d, ps);
    expect(memory.unknown(clinic, actor, day, asked)).toEqual(expected);
  });

  it('drops the whole day when a new day is remembered, and ignores a late commit of the day before', () => {
    const memory = createListDayMemory();
    memory.remember('c1', 'u1', 10, ['p1', 'p2']);
    memory.remember('c1', 'u1', 11, ['p3']);
    expect(memory.size).toBe(1);
    expect(memory.unknown('c1', 'u1', 10, ['p1'])).toEqual(['p1']);
    memory.remember('c1', 'u1', 10, ['p1']);
    expect(memory.size).toBe(1);
    expect(memory.unknown('c1', 'u1', 11, ['p3'])).toEqual([]);
  });

  it('never holds more than its cap: full, it starts again from the pairs just committed', () => {
    const memory = createListDayMemory(3);
    memory.remember('c1', 'u1', 10, ['p1', 'p2']);
    memory.remember('c1', 'u1', 10, ['p2']);
    expect(memory.size).toBe(2);
    memory.remember('c1', 'u2', 10, ['p3', 'p4']);
    expect(memory.size).toBe(2);
    expect(memory.unknown('c1', 'u1', 10, ['p1', 'p2'])).toEqual(['p1', 'p2']);
    expect(memory.unknown('c1', 'u2', 10, ['p3', 'p4'])).toEqual([]);
    memory.remember('c1', 'u3', 10, ['a', 'b', 'c', 'd']);
    expect(memory.size).toBe(0);
  });
});
