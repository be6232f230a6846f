// The adherence API's types for the web client, inferred from the routes' schemas (schemas.ts).
import type { z } from 'zod';
import type { adherenceSummarySchema, windowRateSchema } from './schemas.js';

export type AdherenceSummary = z.output<typeof adherenceSummarySchema>;
export type AdherenceWindow = z.output<typeof windowRateSchema>;
