import { MantineProvider, type MantineColorSchemeManager } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from './api-client';
import { usePaintedOnce } from './lazy-page';
import { SaveAwareQueryClient } from './refresh-after-save';
import { retryTransient } from './retry';
import { sessionKey } from './session';
import { cssVariablesResolver, theme } from './theme';

export function makeQueryClient(): QueryClient {
  return new SaveAwareQueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Issue 17 (offline): a read is tried even without a network; the service worker may answer it
        // with what was saved at the last sync (the default, 'online', would leave it paused, loading).
        networkMode: 'offlineFirst',
        // Client errors (404 for a foreign record, 401, 403, 400) will not change on retry.
        retry: retryTransient,
      },
      mutations: { retry: false },
    },
  });
}

// Duet is always light (forceColorScheme). Mantine's default manager still reads localStorage on start, a
// synchronous first load of the page's storage that cost ~70 ms at 4x CPU slowdown on Today (issue 17).
const alwaysLight: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};

export function Providers({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  // Read at once (issue 17, "Fast"): by default it is read in an effect, and its answer rendered all this again.
  const isPhone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });
  // Issue 17 ("Fast"): the notifications' container is not needed for the first paint (~80 ms of it at 4x CPU
  // slowdown); it mounts right after, and shows whatever was announced meanwhile (Mantine keeps them in a store).
  const painted = usePaintedOnce();

  useEffect(() => {
    // A session that ended (idle timeout, signed out elsewhere) sends everyone back to /login.
    setUnauthenticatedHandler(() => queryClient.setQueryData(sessionKey, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={alwaysLight}
        forceColorScheme="light"
      >
        {painted && <Notifications position={isPhone ? 'top-center' : 'top-right'} autoClose={5000} />}
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
