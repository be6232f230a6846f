import { z } from 'zod';
import { isValidTimeZone } from './zone.js';

/** An IANA time zone this server knows, refused at its field otherwise (the one place zones are checked). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'Unknown time zone (use an IANA name such as America/Chicago).');
