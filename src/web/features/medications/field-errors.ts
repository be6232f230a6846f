import { isApiError } from '../../app/api-client';

/** Field messages of a 400 answer keyed by the field under 'body.' (e.g. 'body.steps.0.from' → 'steps'). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const key = path
      .replace(/^body[./]?/, '')
      .split(/[./]/)
      .find((s) => s !== '');
    if (key !== undefined) out[key] ??= message;
  }
  return out;
}
