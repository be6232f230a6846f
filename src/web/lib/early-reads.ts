// Issue 17 ("Fast", later visits): a page's first reads start as soon as the session is known, while the app
// is still loading, rather than when the page's components first render (on a slow phone that is a second or
// more later). A page's module registers what it reads first (`whenSignedIn`); the session query announces the
// session (`sessionKnown`). Before React's first render main.tsx waits a moment for them (`primeEarlyReads`)
// and puts their answers in the query cache, so the first render is of the page with its data: nothing
// answering while React renders it in slices (a read answering mid-render made React redo the render in one
// blocking task). A read still on its way then is taken by the page's query (`earlyOr`), once.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { api } from '../app/api-client';
import type { SessionAnswer } from '../../shared/accounts/api';

/** A first read of a page: the path asked for and the query key its answer is kept under. */
export interface EarlyRead {
  path: string;
  key: QueryKey;
}

type Starter = (answer: SessionAnswer, pathname: string) => EarlyRead | null;

interface Started {
  key: QueryKey;
  read: Promise<unknown>;
}

const starters: Starter[] = [];
const started = new Map<string, Started>();
let known: SessionAnswer | null = null;

function start(starter: Starter, answer: SessionAnswer): void {
  const wanted = starter(answer, window.location.pathname);
  if (wanted === null || started.has(wanted.path)) return;
  const read = api.get(wanted.path);
  read.catch(() => undefined); // a failure reaches the page's query when it takes the read
  started.set(wanted.path, { key: wanted.key, read });
}

/** The session query's answer, for the pages' first reads. */
export function sessionKnown(answer: SessionAnswer): void {
  known = answer;
  for (const starter of starters) start(starter, answer);
}

/** A page module names its first read for a session and an address, or null for none. */
export function whenSignedIn(starter: Starter): void {
  starters.push(starter);
  if (known !== null) start(starter, known);
}

/** The read of `path` already on its way (taken once), or a new one. */
export function earlyOr<T>(path: string, load: () => Promise<T>): Promise<T> {
  const early = started.get(path);
  if (early === undefined) return load();
  started.delete(path);
  return early.read as Promise<T>;
}

/**
 * Waits up to `withinMs` for the first reads on their way and puts each answer in the query cache under its
 * key (taken: the page's query then finds its data). A read that failed, or is still on its way after
 * `withinMs`, is left to the page's query (`earlyOr`).
 */
export async function primeEarlyReads(queryClient: QueryClient, withinMs: number): Promise<void> {
  const waiting = [...started.entries()].map(([path, early]) =>
    early.read.then(
      (data) => {
        if (started.get(path) !== early) return; // already taken by its query
        started.delete(path);
        queryClient.setQueryData(early.key, data);
      },
      () => undefined,
    ),
  );
  if (waiting.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(waiting),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, withinMs);
    }),
  ]);
  clearTimeout(timer);
}
