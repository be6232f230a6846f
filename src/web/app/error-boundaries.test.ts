import { describe, expect, it } from 'vitest';
import { withErrorBoundaries, type RouteLike } from './error-boundaries';

describe('withErrorBoundaries: an error boundary per route', () => {
  const boundary = 'boundary';

  it('gives every route with an element its boundary, at every depth', () => {
    const routes = withErrorBoundaries<RouteLike>(
      [
        { path: '/login', element: 'login' },
        {
          element: 'session',
          children: [
            {
              children: [
                { path: '/home', element: 'home' },
                { path: '/home/plan', element: 'plan' },
              ],
            },
          ],
        },
      ],
      boundary,
    );
    expect(routes[0]?.errorElement).toBe(boundary);
    expect(routes[1]?.errorElement).toBe(boundary);
    const layoutless = routes[1]?.children?.[0];
    expect(layoutless?.errorElement).toBeUndefined();
    expect(layoutless?.children?.map((r) => [r.element, r.errorElement])).toEqual([
      ['home', boundary],
      ['plan', boundary],
    ]);
  });

  it('keeps a route’s own boundary and leaves the input unchanged', () => {
    const input: (RouteLike & { path: string })[] = [
      { path: '/x', element: 'x', errorElement: 'own' },
      { path: '/y', element: 'y' },
    ];
    const routes = withErrorBoundaries(input, boundary);
    expect(routes[0]?.errorElement).toBe('own');
    expect(routes[1]?.errorElement).toBe(boundary);
    expect(input[1]).toEqual({ path: '/y', element: 'y' });
  });
});
