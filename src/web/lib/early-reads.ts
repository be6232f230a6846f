// Issue 17 ("Fast", later visits): a page's first read starts as soon as the session is known, while the app
// is still loading and rendering, rather than when the page's component first renders (on a slow phone that
// is a second or more later). A page's module registers what it reads first (`whenSignedIn`); the session
// query announces the session (`sessionKnown`); the page's query takes the read already on its way
// (`earlyOr`), once.
import { api } from '../app/api-client';
import type { SessionAnswer } from '../../shared/accounts/api';

type Starter = (answer: SessionAnswer, pathname: string) => string | null;

const starters: Starter[] = [];
const started = new Map<string, Promise<unknown>>();
let known: SessionAnswer | null = null;

function start(starter: Starter, answer: SessionAnswer): void {
  const path = starter(answer, window.location.pathname);
  if (path === null || started.has(path)) return;
  const read = api.get(path);
  read.catch(() => undefined); // a failure reaches the page's query when it takes the read
  started.set(path, read);
}

/** The session query's answer, for the pages' first reads. */
export function sessionKnown(answer: SessionAnswer): void {
  known = answer;
  for (const starter of starters) start(starter, answer);
}

/** A page module names the path of its first read for a session and an address, or null for none. */
export function whenSignedIn(starter: Starter): void {
  starters.push(starter);
  if (known !== null) start(starter, known);
}

/** The read of `path` already on its way (taken once), or a new one. */
export function earlyOr<T>(path: string, load: () => Promise<T>): Promise<T> {
  const read = started.get(path);
  if (read === undefined) return load();
  started.delete(path);
  return read as Promise<T>;
}
