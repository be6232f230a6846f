import { isApiError } from '../app/api-client';

function firstSegment(path: unknown): string | undefined {
  if (Array.isArray(path)) {
    const first: unknown = path[0];
    return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
  }
  return typeof path === 'string' ? path.split(/[./]/).filter(Boolean)[0] : undefined;
}

/** Field messages from a 400 validation_failed answer, keyed by the first segment of each path. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const key = firstSegment(path);
    if (key !== undefined && typeof message === 'string') result[key] ??= message;
  }
  return result;
}
