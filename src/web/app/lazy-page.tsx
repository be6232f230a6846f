// Code split by route (issue 17, "Fast"): each page is its own chunk, fetched when its route is first opened,
// so a patient's phone never downloads the clinicians' pages or the charts library.
import { isValidElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { LoadingState } from '../components/query-state';

/**
 * A page component loaded on first render. `load` imports the page's module and picks the named export;
 * while the chunk arrives the route shows a small loading state (role="status", announced politely).
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Page = lazy(async () => ({ default: await load() }));
  function LazyPage(props: Props) {
    return (
      <Suspense fallback={<LoadingState label="Opening the page…" />}>
        <Page {...props} />
      </Suspense>
    );
  }
  preloaders.set(LazyPage, () => void load());
  return LazyPage;
}

const preloaders = new WeakMap<object, () => void>();

/**
 * Starts fetching the chunk of a route element made with lazyPage (nothing for other elements), e.g. the page
 * a visit opens, while the session is still being asked for rather than after it.
 */
export function preloadPage(element: ReactNode): void {
  if (!isValidElement(element) || typeof element.type !== 'function') return;
  preloaders.get(element.type)?.();
}

/**
 * A secondary part of a page (a card below the fold) loaded in its own chunk after the page itself, so what a
 * person came for shows first. Until it arrives `placeholder` holds its place (issue 17: a card that always
 * shows gets a placeholder of its loading height, so links below it do not move under the pointer); without
 * one nothing is shown. The part brings its own loading state.
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  placeholder: ReactNode = null,
): ComponentType<Props> {
  const Part = lazy(async () => ({ default: await load() }));
  function LazyPart(props: Props) {
    return (
      <Suspense fallback={placeholder}>
        <Part {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
