// The timeline API's types for the web client, inferred from the routes' schemas (schemas.ts).
import type { z } from 'zod';
import type { progressSchema, timelineSchema } from './schemas.js';

export type Timeline = z.output<typeof timelineSchema>;
export type TimelineMedication = Timeline['medications'][number];
export type TimelineScore = Timeline['scores'][number];
export type Progress = z.output<typeof progressSchema>;
