import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema, clinicSettingsUpdateSchema } from './settings.js';
import { thresholdFields, thresholdValue } from './thresholds.js';

describe('clinical thresholds an admin can change', () => {
  it.each(thresholdFields.map((f) => [f.key, f] as const))(
    '%s: the default is in range, the schemas accept it and refuse values outside the range',
    (key, f) => {
      expect(f.defaultValue).toBeGreaterThanOrEqual(f.min);
      expect(f.defaultValue).toBeLessThanOrEqual(f.max);
      expect(clinicSettingsUpdateSchema.safeParse({ [key]: f.defaultValue }).success).toBe(true);
      expect(clinicSettingsUpdateSchema.safeParse({ [key]: f.max + 1 }).success).toBe(false);
      expect(clinicSettingsUpdateSchema.safeParse({ [key]: f.min - 1 }).success).toBe(false);
      // Stored settings keep the key (a save must never drop a threshold).
      expect(clinicSettingsSchema.parse({ [key]: f.defaultValue })[key]).toBe(f.defaultValue);
    },
  );

  it('reads the clinic value, else the default', () => {
    const field = thresholdFields.find((f) => f.key === 'notImprovingWeeks');
    expect(field).toBeDefined();
    if (!field) return;
    expect(thresholdValue({}, field)).toBe(10);
    expect(thresholdValue({ notImprovingWeeks: 12 }, field)).toBe(12);
  });
});
