import { z } from 'zod';
import { countryCodeSchema } from './countries.js';
import { clinicCrisisResourceInputSchema, clinicCrisisResourceSchema } from './schemas.js';

/** At most this many entries across all countries (product limit: a list a person can still review). */
export const maxClinicCrisisResources = 40;

/**
 * Clinic settings keys for crisis resources (issue 12). `country` defaults to US, the country Duet's
 * resources were written for before clinics could set one; `crisisResources` empty means "the defaults
 * for each country" (shared/crisis/defaults.ts).
 */
export const crisisSettingsShape = {
  country: countryCodeSchema.default('US'),
  crisisResources: z.array(clinicCrisisResourceSchema).max(maxClinicCrisisResources).default([]),
};

/** The same keys in an update: a list replaces the whole stored list; an entry without a country is the clinic's. */
export const crisisSettingsUpdateShape = {
  country: countryCodeSchema.optional(),
  crisisResources: z
    .array(clinicCrisisResourceInputSchema)
    .max(maxClinicCrisisResources, `At most ${String(maxClinicCrisisResources)} entries`)
    .optional(),
};
