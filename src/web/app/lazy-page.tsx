// Code split by route (issue 17, "Fast"): each page is its own chunk, fetched when its route is first opened,
// so a patient's phone never downloads the clinicians' pages or the charts library.
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import {
  isValidElement,
  memo,
  startTransition,
  Suspense,
  use,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { LoadingState } from '../components/query-state';

/** How long a failed chunk's answer stands before a render tries again (long past React's re-render). */
const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * A component whose module loads once. Until it has arrived, rendering it suspends (the nearest Suspense shows
 * its fallback); once it has, it renders at once. React's `lazy` suspends on the first render even when the
 * module is already there (preloaded with the app, or precached), and React 19 holds each such reveal for up to
 * 300 ms (issue 17: Today's later visit waited on that).
 */
function loadable<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const start = (): Promise<ComponentType<Props>> => {
    if (loading === null) {
      const attempt = load().then((component) => (loaded = component));
      loading = attempt;
      // A failed chunk (offline, a new build) is tried again by a later render, not by React's own re-render
      // right after the failure: that one must see this same rejected promise, so that `use` throws and the
      // route's error boundary shows. Forgetting it at once handed each re-render a new attempt, and a chunk
      // that fails fast (a blocked request) kept the page on "Opening the page…" for good.
      attempt.catch(() =>
        window.setTimeout(() => {
          if (loading === attempt) loading = null;
        }, RETRY_AFTER_FAILURE_MS),
      );
    }
    return loading;
  };
  function Loaded(props: Props) {
    const Component = loaded ?? use(start());
    return <Component {...props} />;
  }
  return { Loaded, start };
}

/**
 * A page component loaded on first render. `load` imports the page's module and picks the named export;
 * while the chunk arrives the route shows a small loading state (role="status", announced politely).
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const { Loaded, start } = loadable(load);
  function LazyPage(props: Props) {
    return (
      <Suspense fallback={<LoadingState label="Opening the page…" />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  preloaders.set(LazyPage, () =>
    start().then(
      () => undefined,
      () => undefined,
    ),
  );
  return LazyPage;
}

const preloaders = new WeakMap<object, () => Promise<void>>();

/**
 * Starts fetching the chunk of a route element made with lazyPage (nothing for other elements), e.g. the page
 * a visit opens, while the session is still being asked for rather than after it. Settles once the chunk has
 * arrived (or failed: the page's render asks again).
 */
export function preloadPage(element: ReactNode): Promise<void> {
  if (!isValidElement(element) || typeof element.type !== 'function') return Promise.resolve();
  return preloaders.get(element.type)?.() ?? Promise.resolve();
}

const waiting: (() => void)[] = [];
let scheduled = false;

function showAll(): void {
  scheduled = false;
  // In one callback, so React renders them together: one task, not one per part.
  for (const show of waiting.splice(0)) show();
}

/**
 * False on the first render, true once the page has painted and the browser has a moment (one idle callback
 * for everything that waits, so it renders in one go), for what the first paint does not need (issue 17).
 */
export function usePaintedOnce(): boolean {
  return useShownWhen(true);
}

/**
 * False until `ready` has turned true, then true once the page has painted and the browser has a moment (see
 * usePaintedOnce).
 */
function useShownWhen(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    waiting.push(() => {
      // A transition (issue 17): React renders what waited in slices of a few milliseconds, not in one task
      // that would keep the phone from answering a tap (Lighthouse's blocking time).
      if (live) startTransition(() => setPainted(true));
    });
    if (!scheduled) {
      scheduled = true;
      if (typeof window.requestIdleCallback === 'function')
        window.requestIdleCallback(showAll, { timeout: 500 });
      else window.setTimeout(showAll, 0);
    }
    return () => {
      live = false;
    };
  }, [ready]);
  return painted;
}

/** Whether the read `queryKey` has answered (data or error); no read (null) counts as answered. */
export function answered(queryClient: QueryClient, queryKey: QueryKey | null): boolean {
  return queryKey === null || (queryClient.getQueryState(queryKey)?.status ?? 'pending') !== 'pending';
}

/**
 * False until the read `queryKey` has answered (data or error) and the page has painted with it, then true:
 * for the parts of a page below what a person came for (issue 17, "Fast": on Today the cards below "Today's
 * medicines" render after the doses show, so the doses' answer does not wait behind eight cards' renders).
 */
export function useShownAfterRead(queryKey: QueryKey | null): boolean {
  const queryClient = useQueryClient();
  const key = queryKey === null ? null : JSON.stringify(queryKey);
  const [ready, setReady] = useState(() => answered(queryClient, queryKey));
  useEffect(() => {
    if (ready || key === null) return;
    const read = JSON.parse(key) as QueryKey;
    const check = () => {
      if (answered(queryClient, read)) setReady(true);
    };
    check();
    return queryClient.getQueryCache().subscribe(check);
  }, [ready, queryClient, key]);
  return useShownWhen(ready);
}

/**
 * How many of a page's `count` parts below a read may render (issue 17, seventh session): none until the read
 * `queryKey` has answered and the page has painted with it (useShownAfterRead), then one more each time the
 * browser has a moment, top to bottom, each in a transition. Rendering, committing and starting the reads of
 * eight cards in one go was one task of ~0.35 s on a phone (4x CPU) that a tap had to wait behind; one card at
 * a time keeps each task short.
 */
export function usePartsShownAfterRead(queryKey: QueryKey | null, count: number): number {
  const ready = useShownAfterRead(queryKey);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!ready || shown >= count) return;
    const next = () => {
      startTransition(() => setShown((n) => Math.min(count, n + 1)));
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(next, { timeout: 500 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(next, 0);
    return () => window.clearTimeout(id);
  }, [ready, shown, count]);
  return shown;
}

/**
 * A secondary part of a page (a card below the fold) loaded in its own chunk after the page itself, so what a
 * person came for shows first. Until it arrives `placeholder` holds its place (issue 17: a card that always
 * shows gets a placeholder of its loading height, so links below it do not move under the pointer); without
 * one nothing is shown. The part brings its own loading state. A page may render its parts later (Today: once
 * its doses have shown, useShownAfterRead) and fetch their chunks meanwhile with `preload` (docs/benchmarks.md).
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  placeholder: ReactNode = null,
): ComponentType<Props> & { preload: () => void } {
  const { Loaded, start } = loadable(load);
  function LazyPart(props: Props) {
    return (
      <Suspense fallback={placeholder}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  // The page re-renders as its own reads answer; a part with the same props need not render again.
  // `preload` fetches the part's chunk without rendering it (a page that renders its parts later).
  return Object.assign(memo(LazyPart), { preload: () => void start().catch(() => undefined) });
}
