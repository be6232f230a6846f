import { describe, expect, it } from 'vitest';
import { describeAccess } from './describe-access.js';

describe('describeAccess', () => {
  it.each([
    ['patient.read', 'opened your record', 'opened the record'],
    ['care_team.update', 'changed your care team', 'changed the care team'],
    [
      'fhir.transaction',
      'an integration of the clinic imported records into your record',
      'an integration imported records into the record',
    ],
    ['something.new', 'used your record', 'used the record'],
  ] as const)('%s reads "%s" to the patient and "%s" to the team', (action, toPatient, toTeam) => {
    expect(describeAccess(action, 'allowed')).toBe(toPatient);
    expect(describeAccess(action, 'allowed', 'team')).toBe(toTeam);
  });

  it('says plainly when someone was refused', () => {
    expect(describeAccess('patient.read', 'denied')).toBe(
      'tried to see or change your record and was refused',
    );
    expect(describeAccess('care_team.update', 'denied', 'team')).toBe(
      'tried to see or change the record and was refused',
    );
  });
});
