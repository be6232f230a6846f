import { describe, expect, it } from 'vitest';
import { textChanges, valueText, wordDiff, type WordPart } from './word-diff.js';

const join = (parts: WordPart[], keep: WordPart['op']) =>
  parts
    .filter((p) => p.op === 'same' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  const cases: { name: string; before: string; after: string; expected: WordPart[] }[] = [
    { name: 'both empty', before: '', after: '', expected: [] },
    {
      name: 'no change',
      before: 'Weekly CBT',
      after: 'Weekly CBT',
      expected: [{ op: 'same', text: 'Weekly CBT' }],
    },
    {
      name: 'all added',
      before: '',
      after: 'Start sertraline',
      expected: [{ op: 'added', text: 'Start sertraline' }],
    },
    {
      name: 'all removed',
      before: 'Start sertraline',
      after: '',
      expected: [{ op: 'removed', text: 'Start sertraline' }],
    },
    {
      name: 'one word replaced',
      before: 'Start sertraline 50 mg daily',
      after: 'Start bupropion 50 mg daily',
      expected: [
        { op: 'same', text: 'Start ' },
        { op: 'removed', text: 'sertraline ' },
        { op: 'added', text: 'bupropion ' },
        { op: 'same', text: '50 mg daily' },
      ],
    },
    {
      name: 'words added at the end',
      before: 'Aim for 100 mg',
      after: 'Aim for 100 mg by week 4',
      expected: [
        { op: 'same', text: 'Aim for 100 ' },
        { op: 'removed', text: 'mg' },
        { op: 'added', text: 'mg by week 4' },
      ],
    },
    {
      name: 'a word removed in the middle',
      before: 'Call my sister Anna tonight',
      after: 'Call Anna tonight',
      expected: [
        { op: 'same', text: 'Call ' },
        { op: 'removed', text: 'my sister ' },
        { op: 'same', text: 'Anna tonight' },
      ],
    },
  ];
  it.each(cases)('$name', ({ before, after, expected }) => {
    expect(wordDiff(before, after)).toEqual(expected);
  });

  it('gives back both texts exactly (spaces and line breaks kept)', () => {
    const before = 'Walk  every day\nafter lunch, then call Sam';
    const after = 'Walk every morning\nbefore lunch, then call Sam and Jo';
    const parts = wordDiff(before, after);
    expect(join(parts, 'removed')).toBe(before);
    expect(join(parts, 'added')).toBe(after);
  });
});

describe('valueText', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['CBT', 'CBT'],
    [12, '12'],
    [['a', 'b'], 'a; b'],
    [{ id: 'g1', inPatientsWords: 'Back to work', status: 'active' }, 'Back to work, active'],
    [{ name: 'Sam', phone: null }, 'Sam'],
  ])('%j → %j', (value, expected) => {
    expect(valueText(value)).toBe(expected);
  });
});

describe('textChanges', () => {
  it('lists each changed field and list item with its words, ids and snapshot keeping left out', () => {
    const before = {
      therapy: { focus: 'Behavioural activation' },
      goals: [{ id: 'g1', inPatientsWords: 'Sleep better' }],
      safetyPlan: { warningSigns: ['Staying in bed'] },
      medication: {
        strategy: 'Start sertraline',
        medicationIds: ['m1'],
        linked: [{ medicationId: 'm1', intent: 'continue', snapshot: { dose: '50 mg', recordVersion: 1 } }],
      },
    };
    const after = {
      therapy: { focus: 'Behavioural activation and sleep' },
      goals: [
        { id: 'g1', inPatientsWords: 'Sleep better' },
        { id: 'g2', inPatientsWords: 'Walk daily' },
      ],
      safetyPlan: { warningSigns: [] },
      medication: {
        strategy: 'Start sertraline',
        medicationIds: ['m1'],
        linked: [
          { medicationId: 'm1', intent: 'change_dose', snapshot: { dose: '50 mg', recordVersion: 2 } },
        ],
      },
    };
    expect(textChanges(before, after)).toEqual([
      {
        path: 'therapy.focus',
        kind: 'changed',
        parts: [
          { op: 'same', text: 'Behavioural ' },
          { op: 'removed', text: 'activation' },
          { op: 'added', text: 'activation and sleep' },
        ],
      },
      { path: 'goals[id=g2]', kind: 'added', parts: [{ op: 'added', text: 'Walk daily' }] },
      {
        path: 'safetyPlan.warningSigns[0]',
        kind: 'removed',
        parts: [{ op: 'removed', text: 'Staying in bed' }],
      },
      {
        path: 'medication.linked[0].intent',
        kind: 'changed',
        parts: [
          { op: 'removed', text: 'continue' },
          { op: 'added', text: 'change_dose' },
        ],
      },
    ]);
  });

  it('is empty for equal plans', () => {
    const plan = { therapy: { focus: 'x' }, goals: [] };
    expect(textChanges(plan, structuredClone(plan))).toEqual([]);
  });
});
