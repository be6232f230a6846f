import { isApiError } from '../app/api-client';

/** Field messages from a 400 validation_failed answer, keyed by the first segment of each path. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const first = Array.isArray(path)
      ? path[0]
      : typeof path === 'string'
        ? path.split(/[./]/).filter(Boolean)[0]
        : undefined;
    if (first !== undefined && typeof message === 'string') result[String(first)] ??= message;
  }
  return result;
}
