import { z } from 'zod';

// Any patient id shape is accepted (unknown ids answer 404 like a stranger's record).
export const patientParams = z.object({ patientId: z.string().min(1).max(64) });
export const versionParams = patientParams.extend({
  versionNumber: z.coerce.number().int().min(1).max(100000),
});
export const tags = ['treatment plans'];
