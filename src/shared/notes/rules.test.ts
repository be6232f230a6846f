import { describe, expect, it } from 'vitest';
import { canWriteSummary, missingForSignature } from './rules.js';
import { progressNoteContentSchema, type NoteFormat } from './schemas.js';
import type { Role } from '../access/roles.js';

const full = progressNoteContentSchema.parse({
  focus: 'Sleep',
  risk: { status: 'no_current_risk' },
  subjective: 's',
  objective: 'o',
  data: 'd',
  assessment: 'a',
  plan: 'p',
});

describe('missingForSignature', () => {
  it.each<[string, NoteFormat, Partial<typeof full>, string[]]>([
    ['complete SOAP', 'soap', {}, []],
    ['complete DAP (no subjective/objective needed)', 'dap', { subjective: '', objective: '' }, []],
    ['SOAP without objective', 'soap', { objective: '  ' }, ['content.objective']],
    ['DAP without data', 'dap', { data: '' }, ['content.data']],
    ['no risk check', 'soap', { risk: { status: null, details: '' } }, ['content.risk.status']],
    [
      'risk discussed without details',
      'soap',
      { risk: { status: 'risk_discussed', details: '' } },
      ['content.risk.details'],
    ],
    [
      'risk discussed with details',
      'soap',
      { risk: { status: 'risk_discussed', details: 'Passive thoughts, no plan' } },
      [],
    ],
    [
      'safety plan reviewed needs no details',
      'dap',
      { risk: { status: 'safety_plan_reviewed', details: '' } },
      [],
    ],
    ['blank focus and plan', 'soap', { focus: ' ', plan: '' }, ['content.focus', 'content.plan']],
  ])('%s', (_name, format, change, expected) => {
    expect(missingForSignature(format, { ...full, ...change }).map((m) => m.path)).toEqual(expected);
  });
});

describe('canWriteSummary', () => {
  it.each<[Role, boolean, boolean]>([
    ['therapist', true, false],
    ['prescriber', false, true],
    ['care_manager', false, false],
    ['admin', false, false],
    ['patient', false, false],
  ])('%s: therapy %s, medication %s', (role, therapy, medication) => {
    expect(canWriteSummary(role, 'therapy')).toBe(therapy);
    expect(canWriteSummary(role, 'medication')).toBe(medication);
  });
});
