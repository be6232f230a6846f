import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/query-state';
import type { Role } from '../../shared/accounts/api';
import { homePathFor, useSessionQuery } from './session';
import { TwoFactorRequiredGate } from '../features/accounts/two-factor-required-gate';

/** Renders its child routes only with a session; otherwise sends the visitor to /login. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <LoadingState label="Opening Duet…" />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl" component="main">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  // Issue 13: the clinic requires two-step sign-in and this staff session may only set it up.
  if (session.data.twoFactorSetupRequired) return <TwoFactorRequiredGate />;
  return <Outlet />;
}

/** Renders its child routes only for the given roles; others go to their own start page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const session = useSessionQuery();
  const user = session.data?.user;
  if (!user) return null;
  if (!roles.includes(user.role)) return <Navigate to={homePathFor(user.role)} replace />;
  return <Outlet />;
}

/** `/`: the start page of whoever is signed in. */
export function StartRedirect() {
  const session = useSessionQuery();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <LoadingState label="Opening Duet…" />
      </Center>
    );
  }
  const user = session.data?.user;
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}
