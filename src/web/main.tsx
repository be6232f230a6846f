import './mantine-styles';
import '@mantine/notifications/styles.css';
import './styles.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { makeQueryClient, Providers } from './app/providers';
import { openingPageLoaded, router } from './app/router';
import { sessionKey, takeEarlySession } from './app/session';
import { primeEarlyReads } from './lib/early-reads';
import { registerServiceWorker } from './sw/register';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// Issue 17 ("Fast"): the session read already on its way (app/session.tsx) is awaited and its answer put in the
// query cache before the first render, so the first render is of the page itself: no render of a loading state
// and then of everything again when the session arrives. The "Opening…" bar of index.html shows meanwhile. A
// failed read is left to the session query, which asks again. (A first render in a transition, time-sliced, was
// tried and used more CPU: the page's reads answering during it made React render it again.)
//
// Then (issue 17, seventh session) the opened page's chunk and the first reads it registered are waited for (at
// most FIRST_READS_WAIT_MS) and their answers put in the cache too, and the first render is a transition:
// React renders the page in slices of a few milliseconds instead of one long task that keeps the phone from
// answering a tap, and with the data already there nothing answers mid-render to make it start again.
const FIRST_READS_WAIT_MS = 1500;
const queryClient = makeQueryClient();
const root = createRoot(container);
// Issue 17 ("Fast", eighth session): the stylesheet is preloaded, not render-blocking (lib/stylesheets.ts), so
// the "Opening…" bar paints without it; first-paint.ts (run before this module) attaches it, and React's first
// render waits for it. (The development server has no first-paint.ts: its styles come with the modules.)
const stylesReady = window.duetStyles ?? Promise.resolve();
function renderApp(): void {
  void stylesReady.then(renderStyled);
}
function renderStyled(): void {
  startTransition(() => {
    root.render(
      <StrictMode>
        <Providers client={queryClient}>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    );
  });
}
async function firstReads(): Promise<void> {
  await openingPageLoaded;
  await primeEarlyReads(queryClient, FIRST_READS_WAIT_MS);
}
const earlySession = takeEarlySession();
if (earlySession === null) renderApp();
else
  earlySession.then((answer) => {
    queryClient.setQueryData(sessionKey, answer);
    if (answer === null) renderApp();
    else void firstReads().then(renderApp, renderApp);
  }, renderApp);

// Issue 17: installable and offline (src/web/sw/).
registerServiceWorker();
