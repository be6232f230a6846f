import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-client';
import { formatDay } from './format';
import { fieldErrorsFrom, plainWords } from './validation-details';

const invalid = (details: unknown) =>
  new ApiError(400, 'validation_failed', 'Some fields are missing or not valid.', details);

describe('fieldErrorsFrom: a server field error lands at its field', () => {
  it.each([
    ['body.birthDate', 'birthDate'],
    ['query.from', 'from'],
    ['params.patientId', 'patientId'],
    ['body/birthDate', 'birthDate'],
    ['birthDate', 'birthDate'],
  ])('%s is filed under %s', (path, key) => {
    const errors = fieldErrorsFrom(invalid([{ path, message: 'Date of birth must be after 1900' }]));
    expect(errors[key]).toBe('Date of birth must be after 1900');
    expect(errors.body).toBeUndefined();
  });

  it('files a nested path under the full field path and each group above it', () => {
    const errors = fieldErrorsFrom(
      invalid([{ path: 'body.problems.0.icd10', message: 'Enter an ICD-10 code such as F32.1' }]),
    );
    expect(errors).toEqual({
      'problems.0.icd10': 'Enter an ICD-10 code such as F32.1',
      'problems.0': 'Enter an ICD-10 code such as F32.1',
      problems: 'Enter an ICD-10 code such as F32.1',
    });
  });

  it('reads array paths as well as dotted ones', () => {
    const errors = fieldErrorsFrom(
      invalid([{ path: ['body', 'content', 'moods', 1, 'name'], message: 'Name it' }]),
    );
    expect(errors['content.moods.1.name']).toBe('Name it');
    expect(errors.content).toBe('Name it');
  });

  it('keeps the first message for a field and every field of the answer', () => {
    const errors = fieldErrorsFrom(
      invalid([
        { path: 'body.email', message: 'Enter an email address' },
        { path: 'body.email', message: 'second' },
        { path: 'body.givenName', message: 'Enter the given name' },
      ]),
    );
    expect(errors).toEqual({ email: 'Enter an email address', givenName: 'Enter the given name' });
  });

  it('files a detail about the whole body under the empty key', () => {
    expect(fieldErrorsFrom(invalid([{ path: 'body', message: 'Send JSON' }]))).toEqual({ '': 'Send JSON' });
  });

  it('writes calendar days in a message as local dates', () => {
    const errors = fieldErrorsFrom(invalid([{ path: 'body.day', message: 'Choose 2026-12-07 or earlier' }]));
    expect(errors.day).toBe(`Choose ${formatDay('2026-12-07')} or earlier`);
    expect(errors.day).not.toContain('2026-12-07');
  });

  it('ignores answers that are not field errors', () => {
    expect(
      fieldErrorsFrom(new ApiError(409, 'conflict', 'Taken', [{ path: 'body.x', message: 'm' }])),
    ).toEqual({});
    expect(fieldErrorsFrom(invalid(undefined))).toEqual({});
    expect(fieldErrorsFrom(invalid([null, 3, { path: 'body.x' }, { message: 5 }]))).toEqual({});
    expect(fieldErrorsFrom(new Error('boom'))).toEqual({});
  });
});

describe('plainWords', () => {
  it('leaves text without days alone', () => {
    expect(plainWords('Between 1 and 200 sessions')).toBe('Between 1 and 200 sessions');
  });
  it('rewrites every day', () => {
    expect(plainWords('From 2026-01-02 to 2026-03-04')).toBe(
      `From ${formatDay('2026-01-02')} to ${formatDay('2026-03-04')}`,
    );
  });
});
