// Who is signed in: the session answer lives in the query cache under ['session'].
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, isApiError, setCsrfToken, setOfflineReads } from './api-client';
import { forgetOfflineData } from '../lib/offline-data';
import { sessionKnown } from '../lib/early-reads';
import type { Role, SessionAnswer, SessionUser } from '../../shared/accounts/api';

export const sessionKey = ['session'] as const;

async function readSession(sent?: Promise<Response>): Promise<SessionAnswer | null> {
  try {
    const answer = await api.get<SessionAnswer>('/api/auth/session', { sent });
    setCsrfToken(answer.csrfToken);
    setOfflineReads(answer.user.role === 'patient');
    sessionKnown(answer);
    return answer;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      setOfflineReads(false);
      return null;
    }
    throw error;
  }
}

// Issue 17 ("Fast"): the session is asked for while the app's modules load (index.html preloads it), not
// after React's first render: the page's first reads (lib/early-reads.ts) leave as soon as it answers. The
// session query takes this read once; every later ask (after signing in or out) goes to the server.
// On Today, first-paint.ts has already sent it (and draws the top of the page with its answer): that answer, once.
let early: Promise<SessionAnswer | null> | null =
  typeof window === 'undefined' ? null : readSession(takeFirstPaintRead());
early?.catch(() => undefined); // a failure reaches the session query when it takes the read

function takeFirstPaintRead(): Promise<Response> | undefined {
  const sent = window.duetSessionRead;
  window.duetSessionRead = undefined;
  return sent;
}

function fetchSession(): Promise<SessionAnswer | null> {
  return takeEarlySession() ?? readSession();
}

/**
 * The session read started while the app loads (once; null after it was taken). main.tsx waits for it and
 * puts the answer in the query cache before React's first render (issue 17: then the first render needs no
 * session update, which React would render in one blocking task).
 */
export function takeEarlySession(): Promise<SessionAnswer | null> | null {
  const read = early;
  early = null;
  return read;
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: 1,
  });
}

/** The signed-in user; only call below a route that requires a session. */
export function useCurrentUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useCurrentUser called without a session');
  return data.user;
}

/** Store a fresh session answer (after login, invite acceptance or a password change). */
export function useStoreSession(): (answer: SessionAnswer) => void {
  const queryClient = useQueryClient();
  return (answer) => {
    setCsrfToken(answer.csrfToken);
    setOfflineReads(answer.user.role === 'patient');
    queryClient.setQueryData(sessionKey, answer);
  };
}

export const CLINICIAN_ROLES: readonly Role[] = ['therapist', 'prescriber', 'care_manager'];

/** Where each role starts after signing in. */
export function homePathFor(role: Role): string {
  if (role === 'admin') return '/admin/users';
  if (role === 'patient') return '/home';
  return '/caseload';
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<undefined>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      // Issue 17: the answers kept for reading offline go with the session (a shared phone).
      setOfflineReads(false);
      void forgetOfflineData();
      // The session turns null and the login page renders at once (flushSync: no transition in which a
      // signed-in page renders without a session, React error 520), then the rest of the cache goes.
      queryClient.setQueryData(sessionKey, null);
      void navigate('/login', { replace: true, state: { signedOut: true }, flushSync: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}
