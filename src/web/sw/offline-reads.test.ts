import { describe, expect, it } from 'vitest';
import { endsOfflineData, isOfflineRead } from './offline-reads';

describe('what the phone keeps for reading offline (issue 17)', () => {
  it.each([
    ['/api/auth/session', true],
    ['/api/instruments', true],
    ['/api/patients/p1', true],
    ['/api/patients/p1/doses/today', true],
    ['/api/patients/p1/safety-plan', true],
    ['/api/patients/p1/crisis-resources', true],
    ['/api/patients/p1/measures/due', true],
    ['/api/patients/p1/side-effects/form', true],
    ['/api/patients/p1/practice', true],
    // A clinician's chart and anything not read offline stay off the phone.
    ['/api/patients', false],
    ['/api/patients/p1/progress-notes', false],
    ['/api/patients/p1/psychotherapy-notes', false],
    ['/api/patients/p1/timeline', false],
    ['/api/patients/p1/doses/today/extra', false],
    ['/api/patients/p1/access-report', false],
    ['/api/worklist', false],
    ['/api/inbox', false],
    ['/api/auth/devices', false],
  ])('%s: %s', (path, kept) => {
    expect(isOfflineRead(path)).toBe(kept);
  });

  it.each([
    ['POST', '/api/auth/login', true],
    ['POST', '/api/auth/logout', true],
    ['POST', '/api/auth/two-factor', true],
    ['POST', '/api/invites/abc/accept', true],
    ['GET', '/api/auth/session', false],
    ['POST', '/api/patients/p1/doses', false],
    ['POST', '/api/invites/abc', false],
  ])('%s %s drops the kept answers: %s', (method, path, drops) => {
    expect(endsOfflineData(method, path)).toBe(drops);
  });
});
