import { z } from 'zod';

/** An appointment's room (issue 15): free text, as the clinic names its rooms. */
export const roomSchema = z.string().trim().max(100);

/**
 * A telehealth link (issue 15): a full https address only (a video link sent over http could be read on the
 * way), so "http://…", "meet.example.com" or "javascript:…" are refused at the field.
 */
export const telehealthUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((s) => isHttpsUrl(s), {
    error: 'Enter a full https:// link (for example https://meet.example.com/room).',
  });

export function isHttpsUrl(s: string): boolean {
  if (!s.startsWith('https://')) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.includes('.') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
