import { Button } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useSignOut } from '../../app/session';
import { AuthCard } from '../../components/auth-card';
import { TwoFactorPage } from './two-factor-page';

export const TWO_FACTOR_PATH = '/account/two-factor';

/**
 * A staff session that must set up two-step sign-in (the clinic requires it) sees only the set-up page; the
 * server refuses everything else with 403 two_factor_setup_required.
 */
export function TwoFactorRequiredGate() {
  const location = useLocation();
  const signOut = useSignOut();
  if (location.pathname !== TWO_FACTOR_PATH) return <Navigate to={TWO_FACTOR_PATH} replace />;
  return (
    <AuthCard>
      <TwoFactorPage />
      <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        Sign out
      </Button>
    </AuthCard>
  );
}
