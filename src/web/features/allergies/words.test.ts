import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { bodyFieldErrors, classesText } from './words';

describe('bodyFieldErrors', () => {
  it('keys each server message by its body field, first message per field', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'body.substance', message: 'Enter the substance.' },
      { path: 'body.substance', message: 'second' },
      { path: 'body.weightKg', message: 'At most 400 kg.' },
      { path: 'params.entryId', message: 'Invalid UUID' },
    ]);
    expect(bodyFieldErrors(error)).toEqual({
      substance: 'Enter the substance.',
      weightKg: 'At most 400 kg.',
      entryId: 'Invalid UUID',
    });
  });

  it('is empty for other errors', () => {
    expect(bodyFieldErrors(new ApiError(409, 'conflict', 'Already reviewed'))).toEqual({});
    expect(bodyFieldErrors(new Error('x'))).toEqual({});
  });
});

describe('classesText', () => {
  it('says the classes in clinicians’ words, and an unknown code without underscores', () => {
    expect(classesText(['nsaid', 'ace_inhibitor', 'strong_cyp1a2_inhibitor'])).toBe(
      'NSAID, ACE inhibitor, strong CYP1A2 inhibitor',
    );
    expect(classesText(['some_new_class'])).toBe('some new class');
  });
});
