// The one way the web app talks to the Duet API: JSON over fetch with the session cookie,
// the CSRF token on state-changing requests and a typed ApiError for every failure.
import type { ApiErrorBody } from '../../shared/http/api';
import { noteAnswerHeaders } from '../lib/offline-status';
import { OFFLINE_READ_HEADER } from '../sw/offline-reads';

/** A failed API call, carrying the server's error code, message and details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from the Retry-After header (429), when present. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token from the login or session answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let offlineReads = false;

/**
 * Issue 17: while a patient is signed in, GETs are marked so the service worker may keep the answers the
 * patient reads offline (sw/offline-reads.ts); nobody else's reads are kept on the device.
 */
export function setOfflineReads(on: boolean): void {
  offlineReads = on;
}

/** Called when any request finds the session gone (401 unauthenticated). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  /** Sent as If-Match: "<version>" for optimistic concurrency. */
  ifMatch?: number | string;
  signal?: AbortSignal;
  /** The answer of this very request, already sent by first-paint.ts (issue 17): read instead of asking again. */
  sent?: Promise<Response>;
};

const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${String(options.ifMatch)}"`;
  if (method === 'GET' && offlineReads) headers[OFFLINE_READ_HEADER] = '1';

  let response: Response;
  try {
    response = await (options.sent ??
      fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Duet could not be reached. Check your connection and try again.');
  }

  noteAnswerHeaders(response.headers);
  const body = await readJson(response);
  if (response.ok) return body as T;

  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const error = isErrorBody(body)
    ? new ApiError(response.status, body.error.code, body.error.message, body.error.details, retryAfter)
    : new ApiError(
        response.status,
        response.status >= 500 ? 'internal' : `http_${response.status}`,
        response.status >= 500
          ? 'Something went wrong on our side. Please try again.'
          : `The request failed (${response.status}).`,
        undefined,
        retryAfter,
      );
  if (error.code === 'unauthenticated' && onUnauthenticated !== null) onUnauthenticated();
  return Promise.reject(error);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
