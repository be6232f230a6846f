import { describe, expect, it } from 'vitest';
import { addressedToReader, addresseeOfAppointment, patientMayChange } from './rules.js';

describe('who reads an agenda item', () => {
  it.each([
    ['both', ['therapist'], true],
    ['both', ['care_manager'], true],
    ['therapist', ['therapist'], true],
    ['therapist', ['prescriber'], false],
    ['therapist', ['care_manager'], false],
    ['prescriber', ['prescriber'], true],
    ['prescriber', ['therapist', 'prescriber'], true],
    ['prescriber', ['therapist'], false],
    ['both', [], false],
  ] as const)('%s read by %j: %s', (to, roles, expected) => {
    expect(addressedToReader(to, roles)).toBe(expected);
  });

  it('sessions are the therapist’s, medication reviews the prescriber’s', () => {
    expect(addresseeOfAppointment('therapy_session')).toBe('therapist');
    expect(addresseeOfAppointment('medication_review')).toBe('prescriber');
  });
});

describe('the patient changes their item until the visit', () => {
  const now = 1_000_000;
  it.each([
    ['open, no appointment', 'open', null, true],
    ['open, appointment later', 'open', now + 1, true],
    ['open, appointment starting now', 'open', now, false],
    ['open, appointment past', 'open', now - 60_000, false],
    ['discussed', 'discussed', null, false],
  ] as const)('%s', (_name, status, startsAt, expected) => {
    expect(patientMayChange({ status, appointmentStartsAt: startsAt }, now)).toBe(expected);
  });
});
