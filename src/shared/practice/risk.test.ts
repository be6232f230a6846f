import { describe, expect, it } from 'vitest';
import { diaryCardSchema, thoughtRecordSchema } from './content.js';
import { diaryCardRisk, entryRisk, HIGH_SUICIDAL_URGE, thoughtRecordRisk } from './risk.js';

const card = (
  urges: { behaviour: string; urge?: number | null; actedOn?: boolean | null }[],
  notSafe = false,
) => diaryCardSchema.parse({ urges, notSafe });

describe('diaryCardRisk (issue 12; product policy)', () => {
  it.each([
    [
      'self-harm urge 4, acted on ("Scratched my arm")',
      [{ behaviour: 'Self-harm', urge: 4, actedOn: true }],
      false,
      ['self_harm_acted_on'],
    ],
    [
      'self-harm acted on with a low urge still counts',
      [{ behaviour: 'self harm', urge: 1, actedOn: true }],
      false,
      ['self_harm_acted_on'],
    ],
    ['self-harm urge 5, not acted on', [{ behaviour: 'Self-harm', urge: 5, actedOn: false }], false, []],
    [
      'patient wording: cutting myself, acted on',
      [{ behaviour: 'Cutting myself', urge: 2, actedOn: true }],
      false,
      ['self_harm_acted_on'],
    ],
    [
      `suicide urge ${String(HIGH_SUICIDAL_URGE)} (the threshold)`,
      [{ behaviour: 'Suicide', urge: HIGH_SUICIDAL_URGE, actedOn: false }],
      false,
      ['high_suicidal_urge'],
    ],
    ['suicide urge 3: below the threshold', [{ behaviour: 'Suicide', urge: 3, actedOn: false }], false, []],
    [
      'suicidal thoughts 5 and acted on',
      [{ behaviour: 'Suicidal thoughts', urge: 5, actedOn: true }],
      false,
      ['suicidal_acted_on', 'high_suicidal_urge'],
    ],
    [
      '"kill myself" urge 4',
      [{ behaviour: 'Urge to kill myself', urge: 4, actedOn: null }],
      false,
      ['high_suicidal_urge'],
    ],
    [
      'alcohol acted on: not a self-harm risk',
      [{ behaviour: 'Using alcohol or drugs', urge: 5, actedOn: true }],
      false,
      [],
    ],
    ['not rated, nothing acted on', [{ behaviour: 'Self-harm' }, { behaviour: 'Suicide' }], false, []],
    ['"I\'m not safe" ticked', [], true, ['not_safe']],
  ] as const)('%s', (_, urges, notSafe, expected) => {
    expect(diaryCardRisk(card([...urges], notSafe))).toEqual(expected);
    expect(entryRisk('diary_card', card([...urges], notSafe))).toEqual(expected);
  });
});

describe('thoughtRecordRisk', () => {
  it.each([
    [false, []],
    [true, ['not_safe']],
  ] as const)('notSafe %s → %o', (notSafe, expected) => {
    const record = thoughtRecordSchema.parse({ notSafe });
    expect(thoughtRecordRisk(record)).toEqual(expected);
    expect(entryRisk('thought_record', record)).toEqual(expected);
  });

  it('other practice types never carry a risk', () => {
    expect(entryRisk('behavioural_activation', { notSafe: true })).toEqual([]);
    expect(entryRisk('diary_card', null)).toEqual([]);
  });
});
