// The error body every API failure answers with (docs/architecture.md "One error model"): the server's
// response schemas and the web client's ApiError both read this one schema.
import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiErrorBody = z.output<typeof errorResponseSchema>;
