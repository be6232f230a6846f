import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { homePathFor, sessionKey, useCurrentUser, useSessionQuery } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { TwoFactorManage } from './two-factor-manage';
import { TwoFactorSetup } from './two-factor-setup';
import { getTwoFactorStatus, twoFactorKey } from './two-factor-api';

/** /account/two-factor: set up or manage two-step sign-in. */
export function TwoFactorPage() {
  const user = useCurrentUser();
  const session = useSessionQuery();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const status = useQuery({ queryKey: twoFactorKey, queryFn: getTwoFactorStatus });
  const required = session.data?.twoFactorSetupRequired === true;

  const onFinished = async () => {
    await queryClient.invalidateQueries({ queryKey: twoFactorKey });
    await queryClient.invalidateQueries({ queryKey: sessionKey });
    void navigate(required ? homePathFor(user.role) : '/account', { replace: true });
  };

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle>Two-step sign-in</PageTitle>
      {required && (
        <Alert color="blue" variant="light" role="status" title="Your clinic requires two-step sign-in">
          Set it up now to continue to Duet. It keeps your patients&apos; records safe even if someone learns
          your password.
        </Alert>
      )}
      {status.isPending ? (
        <LoadingState label="Loading two-step sign-in…" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.enabled ? (
        <TwoFactorManage status={status.data} />
      ) : (
        <TwoFactorSetup onFinished={() => void onFinished()} />
      )}
      {!required && (
        <Text size="sm">
          <Anchor component={Link} to="/account">
            Back to My account
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
