import type { ReactNode } from 'react';

/** The part of a route object this needs (react-router's RouteObject has more). */
export type RouteLike = {
  path?: string;
  element?: ReactNode;
  errorElement?: ReactNode;
  children?: RouteLike[];
};

/**
 * Gives every route that shows something its own error boundary (issue 17): a page that fails while
 * rendering (or whose chunk cannot be fetched) is replaced by `errorElement` inside its parent's layout, so
 * the navigation stays and the person has a way back; a route that names its own errorElement keeps it.
 * React Router clears the error on the next navigation.
 */
export function withErrorBoundaries<Route extends RouteLike>(
  routes: Route[],
  errorElement: ReactNode,
): Route[] {
  return routes.map((route) => ({
    ...route,
    ...(route.element !== undefined && route.errorElement === undefined ? { errorElement } : {}),
    ...(route.children ? { children: withErrorBoundaries(route.children, errorElement) } : {}),
  }));
}
