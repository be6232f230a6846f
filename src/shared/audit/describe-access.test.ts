import { describe, expect, it } from 'vitest';
import { describeAccess } from './describe-access.js';

describe('describeAccess', () => {
  it.each([
    ['patient.read', 'allowed', 'opened your record'],
    ['care_team.update', 'allowed', 'changed your care team'],
    ['something.new', 'allowed', 'used your record'],
  ] as const)('%s/%s reads "%s"', (action, outcome, text) => {
    expect(describeAccess(action, outcome)).toBe(text);
  });
  it('says plainly when someone was refused', () => {
    expect(describeAccess('patient.read', 'denied')).toMatch(
      /^tried to open your record but was not allowed/,
    );
  });
});
