import { isApiError } from '../app/api-client';
import { formatDay } from './format';

/** Where a request's part sits in a detail path; the field is what follows it. */
const REQUEST_PARTS = new Set(['body', 'query', 'params', 'querystring', 'headers']);

function segmentsOf(path: unknown): string[] {
  if (Array.isArray(path))
    return path.flatMap((s: unknown) => (typeof s === 'string' || typeof s === 'number' ? [String(s)] : []));
  return typeof path === 'string' ? path.split(/[./]/).filter(Boolean) : [];
}

/** A server message in the reader's words: calendar days (YYYY-MM-DD) as local dates ("7 Dec 2026"). */
export function plainWords(message: string): string {
  return message.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (day) => formatDay(day));
}

/**
 * Field messages from a 400 validation_failed answer. A detail's path (`body.birthDate`,
 * `body.problems.0.icd10`, or the same as an array) is read without its request part, and the message is
 * filed under the field's full path and under each shorter prefix (`problems.0.icd10`, `problems.0`,
 * `problems`), so a form can show it at the exact field or at the group that holds it. The first message
 * for a key wins. A detail with no field (the whole body) is filed under `''`.
 */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  return fieldErrorsFromDetails(error.details as unknown[]);
}

/** The same filing for a list of `{ path, message }` details (a server answer's or the browser's own check). */
export function fieldErrorsFromDetails(details: readonly unknown[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const segments = segmentsOf(path);
    const field = segments[0] !== undefined && REQUEST_PARTS.has(segments[0]) ? segments.slice(1) : segments;
    const words = plainWords(message);
    if (field.length === 0) result[''] ??= words;
    for (let end = field.length; end > 0; end -= 1) result[field.slice(0, end).join('.')] ??= words;
  }
  return result;
}
