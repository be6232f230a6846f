import { addDays, localDate } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { forbiddenSections, missingForSignature, reviewDateFor } from './rules.js';
import { blankPlan, defaultMeasurementPlan, defaultTemplates } from './defaults.js';
import { icd10CmSchema, planContentSchema, therapyPartSchema } from './schemas.js';
import { buildPatientView } from './patient-view.js';

describe('section ownership', () => {
  it.each([
    ['therapist', ['therapy', 'goals'], []],
    ['therapist', ['medication', 'goals'], ['medication']],
    ['prescriber', ['therapy'], ['therapy']],
    ['prescriber', ['medication', 'safetyPlan'], []],
    ['care_manager', ['problems', 'goals', 'measurement', 'reviewDate', 'safetyPlan'], []],
    ['care_manager', ['therapy', 'medication'], ['therapy', 'medication']],
  ] as const)('%s changing %j is refused for %j', (role, changed, expected) => {
    expect(forbiddenSections(role, changed)).toEqual(expected);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2026-01-31', 28, '2026-02-28'],
    ['2026-12-20', 14, '2027-01-03'],
    ['2024-02-01', 28, '2024-02-29'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('%s + %i days = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
  it('takes the day in the patient time zone', () => {
    const instant = Date.UTC(2026, 10, 2, 3, 0); // 03:00 UTC = the evening before in Chicago
    expect(localDate(instant, 'UTC')).toBe('2026-11-02');
    expect(localDate(instant, 'America/Chicago')).toBe('2026-11-01');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-11-02');
  });
  it('review date: the plan date when set, else the clinic default weeks after agreement', () => {
    const c = blankPlan();
    expect(reviewDateFor(c, '2026-11-02', 4)).toBe('2026-11-30');
    expect(reviewDateFor(c, '2026-11-02', 6)).toBe('2026-12-14');
    expect(reviewDateFor({ ...c, reviewDate: '2026-11-20' }, '2026-11-02', 4)).toBe('2026-11-20');
  });
});

describe('content schema', () => {
  it.each([
    ['F32.1', true],
    ['f31.81', true],
    ['Z91.19', true],
    ['F32', true],
    ['F3', false],
    ['32.1', false],
    ['F32.12345', false],
    ['F32-1', false],
  ])('ICD-10-CM shape %s → %s', (code, ok) => {
    expect(icd10CmSchema.safeParse(code).success).toBe(ok);
  });
  it('an IPT problem area only goes with IPT', () => {
    expect(therapyPartSchema.safeParse({ modality: 'CBT', iptProblemArea: 'grief' }).success).toBe(false);
    expect(therapyPartSchema.safeParse({ modality: 'IPT', iptProblemArea: 'grief' }).success).toBe(true);
  });
  it('a blank plan carries the measurement defaults from care-rules.md', () => {
    expect(blankPlan().measurement).toEqual(defaultMeasurementPlan);
    expect(
      defaultMeasurementPlan.questionnaires.map((q) => [
        q.everyWeeksEarly,
        q.earlyPhaseWeeks,
        q.everyWeeksAfter,
      ]),
    ).toEqual([
      [2, 12, 4],
      [2, 12, 4],
    ]);
  });
  it('goal ids are unique', () => {
    const goal = { id: 'g1', inPatientsWords: 'x' };
    expect(planContentSchema.safeParse({ goals: [goal, goal] }).success).toBe(false);
  });
  it('the default templates are complete enough to sign', () => {
    for (const t of defaultTemplates()) expect(missingForSignature(t.content), t.name).toEqual([]);
  });
  it('a blank plan lists what it lacks', () => {
    expect(missingForSignature(blankPlan()).map((m) => m.path)).toEqual([
      'problems',
      'goals',
      'therapy.modality',
      'medication.strategy',
    ]);
  });
});

describe('patient view', () => {
  it('explains every part in plain words and tells the patient what they can do', () => {
    const t = defaultTemplates()[0];
    if (!t) throw new Error('no template');
    const view = buildPatientView(t.content, {
      versionNumber: 2,
      agreedAt: 1,
      acknowledgedAt: null,
      reviewDate: '2026-12-01',
    });
    expect(view.sections.map((s) => s.key)).toEqual([
      'problems',
      'goals',
      'therapy',
      'medication',
      'measurement',
      'review',
      'safetyPlan',
    ]);
    const all = JSON.stringify(view);
    expect(all).toContain('cognitive behavioural therapy');
    expect(all).toMatch(/Take your medication as prescribed/);
    expect(all).toMatch(/Report side effects/);
    expect(all).toMatch(/Come to your sessions/);
    expect(all).toMatch(/Practise the skills/);
    expect(all).toMatch(/Tell your therapist what helps/);
    expect(all).toContain('Next review: 2026-12-01.');
  });
});
