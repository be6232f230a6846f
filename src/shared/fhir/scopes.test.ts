import { describe, expect, it } from 'vitest';
import { allows, formatScopes, narrowScopes, parseScopes } from './scopes.js';

describe('SMART v2 system scopes', () => {
  it.each([
    ['system/Observation.rs', 'system/Observation.rs'],
    ['system/Patient.r  system/*.rs', 'system/Patient.r system/*.rs'],
    ['system/Observation.crs', 'system/Observation.crs'],
    ['system/*.cs', 'system/*.cs'],
  ])('accepts %s', (text, formatted) => {
    const parsed = parseScopes(text);
    expect(parsed.ok && formatScopes(parsed.scopes)).toBe(formatted);
  });

  it.each([
    ['', 'Grant at least one scope.'],
    ['patient/Observation.rs', 'Only system/ scopes'],
    ['user/Patient.r', 'Only system/ scopes'],
    ['system/Basic.rs', 'Basic is not a resource type Duet serves.'],
    ['system/Observation.sr', 'letters of "cruds", in that order'],
    ['system/Observation.read', 'letters of "cruds", in that order'],
    ['system/Patient.ru', 'update or delete'],
    ['system/Appointment.crs', 'create only Observation, QuestionnaireResponse, Patient, MedicationRequest'],
    ['Observation.rs', 'system/<Type>.<permissions>'],
  ])('refuses %j', (text, message) => {
    const parsed = parseScopes(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('names the first bad scope of several', () => {
    const parsed = parseScopes('system/Patient.r system/Foo.r system/Bar.r');
    expect(parsed).toMatchObject({ ok: false, scope: 'system/Foo.r' });
  });

  it('checks a permission on a type, * covering every type', () => {
    const p = parseScopes('system/Observation.rs system/*.r');
    if (!p.ok) throw new Error('parse');
    expect(allows(p.scopes, 'Observation', 's')).toBe(true);
    expect(allows(p.scopes, 'Patient', 'r')).toBe(true);
    expect(allows(p.scopes, 'Patient', 's')).toBe(false);
    expect(allows(p.scopes, 'Observation', 'c')).toBe(false);
  });

  it('narrows to requested scopes only when the grant covers them', () => {
    const g = parseScopes('system/Observation.rs system/Patient.r');
    const ok = parseScopes('system/Observation.r');
    const tooMuch = parseScopes('system/Patient.rs');
    const star = parseScopes('system/*.r');
    if (!g.ok || !ok.ok || !tooMuch.ok || !star.ok) throw new Error('parse');
    expect(narrowScopes(g.scopes, ok.scopes)?.map((s) => s.type)).toEqual(['Observation']);
    expect(narrowScopes(g.scopes, tooMuch.scopes)).toBeNull();
    expect(narrowScopes(g.scopes, star.scopes)).toBeNull();
  });
});
