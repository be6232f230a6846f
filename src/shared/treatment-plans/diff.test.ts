import { describe, expect, it } from 'vitest';
import { changedSections, diffPlans } from './diff.js';

describe('diffPlans', () => {
  const cases: { name: string; before: unknown; after: unknown; expected: unknown[] }[] = [
    { name: 'equal values', before: { a: 1, b: ['x'] }, after: { a: 1, b: ['x'] }, expected: [] },
    {
      name: 'changed leaf',
      before: { therapy: { modality: 'CBT' } },
      after: { therapy: { modality: 'IPT' } },
      expected: [{ path: 'therapy.modality', before: 'CBT', after: 'IPT' }],
    },
    {
      name: 'null to value',
      before: { reviewDate: null },
      after: { reviewDate: '2026-12-01' },
      expected: [{ path: 'reviewDate', before: null, after: '2026-12-01' }],
    },
    {
      name: 'list of strings by index, growing',
      before: { signs: ['a'] },
      after: { signs: ['a', 'b'] },
      expected: [{ path: 'signs[1]', before: undefined, after: 'b' }],
    },
    {
      name: 'items with ids matched by id, reorder is no change',
      before: {
        goals: [
          { id: 'g1', s: 'active' },
          { id: 'g2', s: 'active' },
        ],
      },
      after: {
        goals: [
          { id: 'g2', s: 'active' },
          { id: 'g1', s: 'met' },
        ],
      },
      expected: [{ path: 'goals[id=g1].s', before: 'active', after: 'met' }],
    },
    {
      name: 'item added and removed by id',
      before: { goals: [{ id: 'g1' }] },
      after: { goals: [{ id: 'g2' }] },
      expected: [
        { path: 'goals[id=g1]', before: { id: 'g1' }, after: undefined },
        { path: 'goals[id=g2]', before: undefined, after: { id: 'g2' } },
      ],
    },
    {
      name: 'first item added to an empty list',
      before: { goals: [] },
      after: { goals: [{ id: 'g1', t: 'x' }] },
      expected: [{ path: 'goals[id=g1]', before: undefined, after: { id: 'g1', t: 'x' } }],
    },
    {
      name: 'key added and removed',
      before: { a: 1 },
      after: { b: 2 },
      expected: [
        { path: 'a', before: 1, after: undefined },
        { path: 'b', before: undefined, after: 2 },
      ],
    },
    {
      name: 'object replaced by a scalar',
      before: { x: { y: 1 } },
      after: { x: null },
      expected: [{ path: 'x', before: { y: 1 }, after: null }],
    },
    {
      name: 'nested list inside an item',
      before: { sp: { contacts: [{ name: 'A', phone: null }] } },
      after: { sp: { contacts: [{ name: 'A', phone: '1' }] } },
      expected: [{ path: 'sp.contacts[0].phone', before: null, after: '1' }],
    },
  ];
  it.each(cases)('$name', ({ before, after, expected }) => {
    expect(diffPlans(before, after)).toEqual(expected);
  });
});

describe('changedSections', () => {
  it('names the top-level sections that differ', () => {
    expect(changedSections({ a: 1, b: { c: 2 }, d: [] }, { a: 1, b: { c: 3 }, d: ['x'] })).toEqual([
      'b',
      'd',
    ]);
    expect(changedSections({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
