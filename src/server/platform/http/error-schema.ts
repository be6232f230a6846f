import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Response schemas for the error statuses a route can answer (for the OpenAPI document). */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponseSchema]));
