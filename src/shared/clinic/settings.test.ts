import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema, clinicSettingsUpdateSchema, readClinicSettings } from './settings.js';

describe('clinic settings: one schema, every key typed with its default (issue 18)', () => {
  it('a save accepts exactly the keys that are stored (a new key goes into both schemas)', () => {
    expect(Object.keys(clinicSettingsUpdateSchema.shape).sort()).toEqual(
      Object.keys(clinicSettingsSchema.shape).sort(),
    );
  });

  it('every key has a default: nothing stored reads as a complete settings object', () => {
    const { settings, unreadableKeys } = readClinicSettings('{}');
    expect(unreadableKeys).toEqual([]);
    expect(settings).toMatchObject({
      escalationHours: 4,
      planReviewWeeks: 4,
      onCallUserId: null,
      country: 'US',
    });
  });
});

describe('saving: a bad key is refused at its field', () => {
  it.each([
    ['escalationHours', 'soon'],
    ['escalationHours', 0],
    ['planReviewWeeks', 2.5],
    ['planReviewWeeks', 53],
    ['feedbackLowRating', 11],
    ['noShowAlertAfter', 1],
    ['adherenceThresholdPercent', 20],
    ['country', 'Germany'],
  ])('%s = %j is refused at that key', (key, value) => {
    const result = clinicSettingsUpdateSchema.safeParse({ planReviewWeeks: 6, [key]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([key]);
  });

  it('a key that is not a clinic setting is refused at that key, not dropped', () => {
    const result = clinicSettingsUpdateSchema.safeParse({ planReviewWeeks: 6, escalationHour: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['escalationHour'], message: 'Not a clinic setting' }),
    ]);
  });

  it('valid keys pass as sent', () => {
    expect(clinicSettingsUpdateSchema.parse({ escalationHours: 2, planReviewWeeks: 6 })).toEqual({
      escalationHours: 2,
      planReviewWeeks: 6,
    });
  });
});

describe('reading stored settings: one bad key falls back alone and is named', () => {
  it.each([
    [{ escalationHours: 'soon', planReviewWeeks: 6, onCallUserId: 'u1' }, ['escalationHours']],
    [{ escalationHours: 3, planReviewWeeks: 0, onCallUserId: 'u1' }, ['planReviewWeeks']],
    [{ escalationHours: 3, planReviewWeeks: 6, onCallUserId: 42 }, ['onCallUserId']],
  ])('%j reports %j', (stored, unreadable) => {
    const { settings, unreadableKeys } = readClinicSettings(JSON.stringify(stored));
    expect(unreadableKeys).toEqual(unreadable);
    const defaults = clinicSettingsSchema.parse({});
    for (const [key, value] of Object.entries(stored)) {
      const read = settings[key as keyof typeof settings];
      if (unreadable.includes(key)) expect(read).toEqual(defaults[key as keyof typeof defaults]);
      else expect(read).toEqual(value);
    }
  });

  it('the on-call contact survives a bad key elsewhere (it used to be reset with every other key)', () => {
    const { settings } = readClinicSettings(
      JSON.stringify({ noShowAlertAfter: 'x', onCallUserId: 'u-on-call' }),
    );
    expect(settings.onCallUserId).toBe('u-on-call');
    expect(settings.noShowAlertAfter).toBeUndefined();
  });
});
