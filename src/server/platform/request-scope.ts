import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a scope reports something worth a look (a stored setting it could not read): a log line, no patient data. */
export type ScopeReport = (fields: Record<string, unknown>, message: string) => void;

/**
 * What one request (or one background run, or one outbox event) has already looked up: the clinic's
 * settings and a patient's basics are read at most once per scope (issue 18). A write in the same scope
 * forgets the value, so the next read sees the write. The scope ends with its request: nothing is shared
 * between requests, so no other request's write can be missed for longer than one request.
 */
export class RequestScope {
  private readonly values = new Map<string, Promise<unknown>>();
  constructor(readonly report: ScopeReport = () => undefined) {}

  /** The value remembered under key, loading it once; a failed load is not remembered. */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.values.get(key) as Promise<T> | undefined;
    if (known) return known;
    const loading = load();
    this.values.set(key, loading);
    loading.catch(() => {
      if (this.values.get(key) === loading) this.values.delete(key);
    });
    return loading;
  }

  /** Keeps a value already known (no load that could fail): the next `remember` of key answers it. */
  keep(key: string, value: unknown): void {
    if (!this.values.has(key)) this.values.set(key, Promise.resolve(value));
  }

  forget(key: string): void {
    this.values.delete(key);
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The scope the current code runs in, or undefined outside any (then nothing is remembered). */
export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs fn in a new, empty scope: each HTTP request, each scheduled-check run and each outbox event gets one. */
export function inFreshScope<T>(fn: () => Promise<T>, report?: ScopeReport): Promise<T> {
  return storage.run(new RequestScope(report), fn);
}

/** Runs fn (synchronously) in the given scope; the HTTP hook uses it to enter a request's scope. */
export function enterScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** Looks a value up once per scope; outside a scope it loads every time (behaviour as before the cache). */
export function rememberedInScope<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  return scope ? scope.remember(key, load) : load();
}

/** After a write: the next read in this scope goes to the database again. */
export function forgetInScope(key: string): void {
  storage.getStore()?.forget(key);
}

/** Reports through the current scope's logger (nothing outside a scope). */
export function reportInScope(fields: Record<string, unknown>, message: string): void {
  storage.getStore()?.report(fields, message);
}
