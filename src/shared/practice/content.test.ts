import { describe, expect, it } from 'vitest';
import { contentSchemas, parseContent, type PracticeType } from './content.js';
import { missingForDone } from './completeness.js';
import { canViewEntry, type Viewer } from './sharing.js';
import { practiceLibrary, PRACTICE_LIBRARY_VERSION } from './library.js';

describe('content schemas', () => {
  it('an empty draft is valid for every type', () => {
    for (const type of Object.keys(contentSchemas) as PracticeType[])
      expect(parseContent(type, {}).success).toBe(true);
  });

  it.each<[PracticeType, unknown, string]>([
    ['thought_record', { moods: [{ name: 'Sad', intensity: 101 }] }, 'moods.0.intensity'],
    ['thought_record', { balancedBelief: -1 }, 'balancedBelief'],
    [
      'thought_record',
      {
        thoughts: [
          { text: 'a', hot: true },
          { text: 'b', hot: true },
        ],
      },
      'thoughts',
    ],
    ['behavioural_activation', { blocks: [{ block: 'Morning', mood: 11 }] }, 'blocks.0.mood'],
    ['behavioural_activation', { blocks: [{ block: 'Morning', done: 'maybe' }] }, 'blocks.0.done'],
    ['diary_card', { emotions: [{ name: 'Anger', rating: 6 }] }, 'emotions.0.rating'],
    ['diary_card', { urges: [{ behaviour: 'Self-harm', actedOn: 'yes' }] }, 'urges.0.actedOn'],
    ['ipt_log', { problemArea: 'loneliness' }, 'problemArea'],
    ['free_form', { response: 'x'.repeat(4001) }, 'response'],
  ])('%s rejects %j at %s', (type, content, path) => {
    const result = parseContent(type, content);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('one type’s content is not another’s: a diary card is not a thought record', () => {
    const diary = { emotions: [{ name: 'Anger', rating: 3 }] };
    const asThought = parseContent('thought_record', diary);
    // unknown keys are dropped, so nothing of the diary card survives as a thought record
    expect(asThought.success && 'emotions' in asThought.data).toBe(false);
  });
});

describe('missingForDone', () => {
  it('a thought record needs a situation, a rated mood, a thought and a balanced thought', () => {
    const empty = contentSchemas.thought_record.parse({});
    expect(missingForDone('thought_record', empty).map((m) => m.path)).toEqual([
      'situation',
      'moods',
      'thoughts',
      'balancedThought',
    ]);
    const full = contentSchemas.thought_record.parse({
      situation: 'Meeting',
      moods: [{ name: 'Anxious', intensity: 80 }],
      thoughts: [{ text: 'They think I am useless', belief: 90, hot: true }],
      balancedThought: 'One comment is not a verdict',
    });
    expect(missingForDone('thought_record', full)).toEqual([]);
  });

  it.each<[PracticeType, unknown, boolean]>([
    ['behavioural_activation', {}, false],
    ['behavioural_activation', { blocks: [{ block: 'Morning', actual: 'Walk' }] }, true],
    ['diary_card', {}, false],
    ['diary_card', { distress: 4 }, true],
    ['ipt_log', { whatHappened: 'Talked with my sister' }, true],
    ['free_form', {}, false],
  ])('%s %j done-able: %s', (type, content, ok) => {
    const parsed = contentSchemas[type].parse(content);
    expect(missingForDone(type, parsed as never).length === 0).toBe(ok);
  });
});

describe('sharing', () => {
  it.each<[Viewer, 'draft' | 'done', 'team' | 'therapist', boolean]>([
    ['patient', 'draft', 'therapist', true],
    ['therapist', 'draft', 'team', false],
    ['therapist', 'done', 'therapist', true],
    ['prescriber', 'done', 'therapist', false],
    ['care_manager', 'done', 'therapist', false],
    ['prescriber', 'done', 'team', true],
    ['care_manager', 'done', 'team', true],
    ['prescriber', 'draft', 'team', false],
  ])('%s sees a %s %s entry: %s', (viewer, status, sharing, expected) => {
    expect(canViewEntry(viewer, { status, sharing })).toBe(expected);
  });

  it('the library has every type once, with a version and the stated defaults', () => {
    expect(PRACTICE_LIBRARY_VERSION).toMatch(/\d/);
    expect(practiceLibrary.map((k) => [k.type, k.defaultSharing])).toEqual([
      ['thought_record', 'therapist'],
      ['behavioural_activation', 'team'],
      ['diary_card', 'team'],
      ['ipt_log', 'therapist'],
      ['free_form', 'therapist'],
    ]);
  });
});
