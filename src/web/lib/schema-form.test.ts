import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../app/api-client';
import { newPatientSchema } from '../../shared/patients/schemas';
import {
  getAt,
  numberFieldError,
  issueErrors,
  optionalNumber,
  renamed,
  requiredNumber,
  schemaErrors,
  serverErrors,
  setAt,
} from './schema-form';

const order = z.object({
  name: z.string().min(1, 'Enter a name.'),
  problems: z.array(z.object({ icd10: z.string().regex(/^[A-Z]\d\d/, 'Use an ICD-10 code.') })),
  dose: z.object({ amount: z.number().min(1, 'The amount must be 1 or more.') }),
});

describe('schema errors at their fields', () => {
  it('files each zod issue at its field, nested and array paths too, with prefixes', () => {
    const errors = schemaErrors(order, {
      name: '',
      problems: [{ icd10: 'A10' }, { icd10: 'x' }],
      dose: { amount: 0 },
    });
    expect(errors).toEqual({
      name: 'Enter a name.',
      'problems.1.icd10': 'Use an ICD-10 code.',
      'problems.1': 'Use an ICD-10 code.',
      problems: 'Use an ICD-10 code.',
      'dose.amount': 'The amount must be 1 or more.',
      dose: 'The amount must be 1 or more.',
    });
  });

  it('is empty when the payload passes', () => {
    expect(schemaErrors(order, { name: 'a', problems: [], dose: { amount: 2 } })).toEqual({});
  });

  it('keeps the first message for a field and files a whole-form problem under ""', () => {
    const errors = issueErrors([
      { code: 'custom', path: ['name'], message: 'first', input: '' },
      { code: 'custom', path: ['name'], message: 'second', input: '' },
      { code: 'custom', path: [], message: 'Nothing to change.', input: {} },
    ]);
    expect(errors).toEqual({ name: 'first', '': 'Nothing to change.' });
  });

  it('does not take a field named like a request part ("body") for the request part', () => {
    const note = z.object({ body: z.string().min(1, 'Write the note.') });
    expect(schemaErrors(note, { body: '' })).toEqual({ body: 'Write the note.' });
  });

  it('uses the same path shape as the server answer for the same mistake', () => {
    const payload = {
      givenName: '',
      familyName: 'Doe',
      birthDate: '1990-02-30',
      email: 'not-an-email',
      timeZone: 'UTC',
      careTeam: [{ userId: 'u1', role: 'therapist' }],
    };
    const browser = schemaErrors(newPatientSchema, payload);
    const server = serverErrors(
      new ApiError(400, 'validation_failed', 'Invalid request', [
        { path: 'body.givenName', message: browser.givenName },
        { path: 'body.birthDate', message: browser.birthDate },
        { path: 'body.email', message: browser.email },
      ]),
    );
    expect(Object.keys(browser).sort()).toEqual(['birthDate', 'email', 'givenName']);
    expect(server).toEqual(browser);
    expect(browser.givenName).toBe('Enter the given name.');
    expect(browser.birthDate).toMatch(/real date/);
  });
});

describe('server errors', () => {
  it('files a 409 that names a field (an email already in use)', () => {
    const error = new ApiError(409, 'conflict', 'Email taken', [
      { path: 'body.email', message: 'This email is already in use.' },
    ]);
    expect(serverErrors(error)).toEqual({ email: 'This email is already in use.' });
  });

  it('ignores a 412 (its details are the current record) and other errors', () => {
    expect(
      serverErrors(new ApiError(412, 'precondition_failed', 'Changed', [{ path: 'x', message: 'y' }])),
    ).toEqual({});
    expect(serverErrors(new Error('offline'))).toEqual({});
  });
});

describe('payload fields typed under another name', () => {
  it('re-files a payload field, and the paths inside it, under the form field', () => {
    const errors = {
      contactedAt: 'Say when the contact was.',
      'dose.amount': 'Too much',
      dose: 'Too much',
      minutes: 'x',
    };
    expect(renamed(errors, { contactedAt: 'when', dose: 'doseText' })).toEqual({
      when: 'Say when the contact was.',
      'doseText.amount': 'Too much',
      doseText: 'Too much',
      minutes: 'x',
    });
  });

  it('does not take a longer name for a renamed one (contactedAtLocal is not contactedAt)', () => {
    expect(renamed({ contactedAtLocal: 'y' }, { contactedAt: 'when' })).toEqual({ contactedAtLocal: 'y' });
  });
});

describe('values by path', () => {
  const values = { name: 'a', problems: [{ icd10: 'A10' }, { icd10: 'B20' }], dose: { amount: 1 } };

  it('reads nested and array paths', () => {
    expect(getAt(values, 'problems.1.icd10')).toBe('B20');
    expect(getAt(values, 'dose.amount')).toBe(1);
    expect(getAt(values, 'problems.5.icd10')).toBeUndefined();
  });

  it('writes a copy, leaving the original and the untouched branches as they were', () => {
    const next = setAt(values, 'problems.1.icd10', 'C30');
    expect(next.problems[1]).toEqual({ icd10: 'C30' });
    expect(Array.isArray(next.problems)).toBe(true);
    expect(values.problems[1]).toEqual({ icd10: 'B20' });
    expect(next.problems[0]).toBe(values.problems[0]);
    expect(next.dose).toBe(values.dose);
    expect(setAt(values, 'name', 'b').name).toBe('b');
  });
});

describe('numbers as typed (issue 17: an empty field is not 0 and never a default)', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['1,250', 1250],
    ['-5', -5],
    ['0', 0],
  ])('%j reads as %j', (typed, expected) => {
    expect(requiredNumber(typed)).toBe(expected);
    expect(optionalNumber(typed)).toBe(expected);
  });
  it('an empty required number is NaN, refused by the schema at its field', () => {
    expect(requiredNumber('')).toBeNaN();
    expect(requiredNumber('  ')).toBeNaN();
    const schema = z.object({ minutes: z.number({ error: 'Enter the minutes.' }).min(10).default(50) });
    expect(schemaErrors(schema, { minutes: requiredNumber('') })).toEqual({ minutes: 'Enter the minutes.' });
  });
  it('an empty optional number stays empty', () => {
    expect(optionalNumber('')).toBeNull();
  });
  it('text that is not a number is NaN, never 0', () => {
    expect(requiredNumber('abc')).toBeNaN();
    expect(optionalNumber('abc')).toBeNaN();
  });
});

describe('a number field with a range shows the range in words', () => {
  const range = { min: 0.25, max: 72 };
  it('nothing to show while the form finds no problem', () => {
    expect(numberFieldError(500, range, undefined)).toBeUndefined();
  });
  it.each([
    ['', range, 'Enter a number from 0.25 to 72.'],
    ['  ', { min: 1, max: 52, wholeNumber: true }, 'Enter a whole number from 1 to 52.'],
    [100, range, 'Enter a number from 0.25 to 72; 100 is outside that range.'],
    [0, range, 'Enter a number from 0.25 to 72; 0 is outside that range.'],
    [2.5, { min: 1, max: 52, wholeNumber: true }, 'Enter a whole number from 1 to 52.'],
  ])('%j in %j reads %j', (typed, r, expected) => {
    expect(numberFieldError(typed, r, 'Too big: expected number to be <=72')).toBe(expected);
  });
  it('a problem that is not the range keeps the form message', () => {
    expect(numberFieldError(5, range, 'Not a clinic setting')).toBe('Not a clinic setting');
  });
});
