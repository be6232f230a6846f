import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { emptyForm, resourceErrors, serverEntryErrors } from './crisis-resource-form';

describe('crisis resource entry errors (the form hook’s filing)', () => {
  it('names each field of an entry that fails the shared schema, and nothing for a valid one', () => {
    const entry = { ...emptyForm('2026-12-07'), name: '', phone: '+49 30 1234567' };
    const errors = resourceErrors(entry, 'DE');
    expect(Object.keys(errors)).toContain('name');
    expect(errors.phone).toBeUndefined();
    expect(resourceErrors({ ...entry, name: 'Telefonseelsorge' }, 'DE')).toEqual({});
  });

  it('files the server’s details by entry index and field, and the country apart', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'body.crisisResources.2.phone', message: 'Use digits.' },
      { path: 'body.crisisResources.2.otherPhones.1', message: 'Use digits in each number.' },
      { path: 'body.crisisResources.0.name', message: 'Enter the name.' },
      { path: 'body.country', message: 'Choose a country.' },
    ]);
    expect(serverEntryErrors(error)).toEqual({
      country: 'Choose a country.',
      entries: {
        0: { name: 'Enter the name.' },
        2: { phone: 'Use digits.', otherPhones: 'Use digits in each number.' },
      },
    });
  });
});
