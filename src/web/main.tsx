import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { makeQueryClient, Providers } from './app/providers';
import { router } from './app/router';
import { sessionKey, takeEarlySession } from './app/session';
import { registerServiceWorker } from './sw/register';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// Issue 17 ("Fast"): the session read already on its way (app/session.tsx) is awaited and its answer put in the
// query cache before the first render, so the first render is of the page itself: no render of a loading state
// and then of everything again when the session arrives. The "Opening…" bar of index.html shows meanwhile. A
// failed read is left to the session query, which asks again. (A first render in a transition, time-sliced, was
// tried and used more CPU: the page's reads answering during it made React render it again.)
const queryClient = makeQueryClient();
const root = createRoot(container);
function renderApp(): void {
  root.render(
    <StrictMode>
      <Providers client={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}
const earlySession = takeEarlySession();
if (earlySession === null) renderApp();
else
  earlySession.then((answer) => {
    queryClient.setQueryData(sessionKey, answer);
    renderApp();
  }, renderApp);

// Issue 17: installable and offline (src/web/sw/).
registerServiceWorker();
