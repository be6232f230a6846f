import { isValidTimeZone } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { isRealCalendarDay } from './validation.js';
import { newPatientSchema } from './schemas.js';

describe('isValidTimeZone', () => {
  it.each([
    'America/Chicago',
    'Europe/Berlin',
    'Pacific/Kiritimati',
    'Asia/Kathmandu',
    'UTC',
    'America/Argentina/Buenos_Aires',
  ])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus', '', 'America/', '../etc/passwd', 'GMT+5; drop table'])('rejects %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('isRealCalendarDay', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2001-02-30', false],
    ['1999-12-31', true],
    ['1899-12-31', false],
    ['2024-13-01', false],
  ])('%s → %s', (day, ok) => {
    expect(isRealCalendarDay(day)).toBe(ok);
  });
});

describe('newPatientSchema', () => {
  const valid = {
    givenName: ' Rosa ',
    familyName: 'Diaz',
    birthDate: '1988-02-29',
    email: 'Rosa@Mail.test',
    timeZone: 'America/Denver',
    careTeam: [{ userId: 'u1', role: 'therapist' }],
  };
  it('normalises names and email and defaults optional fields to null', () => {
    const parsed = newPatientSchema.parse(valid);
    expect(parsed).toMatchObject({
      givenName: 'Rosa',
      email: 'rosa@mail.test',
      phone: null,
      medicalRecordNumber: null,
    });
  });
  it('refuses the same person twice in one role', () => {
    const r = newPatientSchema.safeParse({ ...valid, careTeam: [valid.careTeam[0], valid.careTeam[0]] });
    expect(r.success).toBe(false);
  });
  it('treats an empty MRN as none', () => {
    expect(newPatientSchema.parse({ ...valid, medicalRecordNumber: '' }).medicalRecordNumber).toBeNull();
  });
});
