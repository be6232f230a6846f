import { errorResponseSchema } from '../../../shared/http/api.js';

export { errorResponseSchema };

/** Response schemas for the error statuses a route can answer (for the OpenAPI document). */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponseSchema]));
