import { describe, expect, it } from 'vitest';
import { contentSchemas } from './content.js';
import { beliefSeries, diaryGrid, weekStart } from './review.js';

const card = (id: string, day: string, c: unknown, status: 'draft' | 'done' = 'done') => ({
  id,
  day,
  status,
  content: contentSchemas.diary_card.parse(c),
});

describe('weekStart', () => {
  it.each([
    ['2026-11-02', '2026-11-02'],
    ['2026-11-08', '2026-11-02'],
    ['2026-11-05', '2026-11-02'],
    ['2026-11-09', '2026-11-09'],
  ])('%s → %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday);
  });
});

describe('diaryGrid', () => {
  it('lays out a week: days across, emotions, urges, distress and skills down; drafts left out', () => {
    const grid = diaryGrid('2026-11-02', [
      card('a', '2026-11-02', {
        emotions: [{ name: 'Sadness', rating: 4 }],
        urges: [{ behaviour: 'Self-harm', urge: 3, actedOn: false }],
        skills: ['TIPP'],
        distress: 6,
      }),
      card('b', '2026-11-04', { emotions: [{ name: 'Anger', rating: 2 }], distress: 3 }),
      card('c', '2026-11-05', { distress: 9 }, 'draft'),
      card('d', '2026-11-10', { distress: 1 }),
    ]);
    expect(grid.days).toHaveLength(7);
    expect(grid.filledDays).toBe(2);
    expect(grid.rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'emotion:Sadness',
      'emotion:Anger',
      'urge:Self-harm',
      'distress:Distress',
      'skills:Skills used',
    ]);
    expect(grid.rows[0]?.cells[0]).toEqual({ kind: 'rating', value: 4 });
    expect(grid.rows[0]?.cells[2]).toBeNull();
    expect(grid.rows[2]?.cells[0]).toEqual({ kind: 'urge', value: 3, actedOn: false });
    expect(grid.rows[3]?.cells.map((c) => (c && c.kind === 'rating' ? c.value : null))).toEqual([
      6,
      null,
      3,
      null,
      null,
      null,
      null,
    ]);
  });

  it('the later of two cards on one day wins', () => {
    const grid = diaryGrid('2026-11-02', [
      card('01b', '2026-11-02', { distress: 7 }),
      card('01a', '2026-11-02', { distress: 2 }),
    ]);
    const distress = grid.rows.find((r) => r.kind === 'distress');
    expect(distress?.cells[0]).toEqual({ kind: 'rating', value: 7 });
  });
});

describe('beliefSeries', () => {
  it('reads the hot thought before and after, oldest first, completed only', () => {
    const tr = (id: string, day: string, c: unknown, status: 'draft' | 'done' = 'done') => ({
      id,
      day,
      status,
      content: contentSchemas.thought_record.parse(c),
    });
    const series = beliefSeries([
      tr('2', '2026-11-05', {
        thoughts: [
          { text: 'cold', belief: 20 },
          { text: 'hot', belief: 90, hot: true },
        ],
        hotThoughtBeliefAfter: 40,
        balancedBelief: 70,
      }),
      tr('1', '2026-11-03', { thoughts: [{ text: 'only', belief: 80 }] }),
      tr('3', '2026-11-06', { thoughts: [{ text: 'x', belief: 10 }] }, 'draft'),
    ]);
    expect(series).toEqual([
      { entryId: '1', day: '2026-11-03', hotThought: 'only', before: 80, after: null, balanced: null },
      { entryId: '2', day: '2026-11-05', hotThought: 'hot', before: 90, after: 40, balanced: 70 },
    ]);
  });
});
