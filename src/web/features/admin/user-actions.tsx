import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StaffUser } from '../../../shared/accounts/api';
import { ConfirmModal } from '../../components/confirm-modal';
import { errorMessage } from '../../components/query-state';
import { useUserAction } from './api';
import { DeactivateDialog } from './deactivate-dialog';

// Deactivation has its own dialog (deactivate-dialog.tsx: the patients left behind, issue 15).
const REACTIVATE = {
  title: 'Reactivate account',
  label: 'Reactivate',
  text: (name: string) => `${name} will be able to sign in again with their existing password.`,
  done: 'Account reactivated',
};

/** The actions an admin can take on one staff account. */
export function UserActions({ user, isSelf }: { user: StaffUser; isSelf: boolean }) {
  const action = useUserAction();
  const [pending, setPending] = useState<'deactivate' | 'reactivate' | null>(null);

  const resend = () =>
    action.mutate(
      { userId: user.id, action: 'resend-invite' },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Invitation sent again',
            message: `A new link went to ${user.email}. The old link no longer works.`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not resend', message: errorMessage(error) }),
      },
    );

  const close = () => {
    setPending(null);
    action.reset();
  };

  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {user.status === 'invited' && (
        <Button
          size="xs"
          variant="light"
          onClick={resend}
          loading={action.isPending && !pending}
          aria-label={`Resend invite to ${user.name}`}
        >
          Resend invite
        </Button>
      )}
      {user.status !== 'deactivated' && !isSelf && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => setPending('deactivate')}
          aria-label={`Deactivate ${user.name}`}
        >
          Deactivate
        </Button>
      )}
      {user.status === 'deactivated' && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setPending('reactivate')}
          aria-label={`Reactivate ${user.name}`}
        >
          Reactivate
        </Button>
      )}
      <DeactivateDialog user={user} opened={pending === 'deactivate'} onClose={close} />
      <ConfirmModal
        opened={pending === 'reactivate'}
        title={REACTIVATE.title}
        confirmLabel={REACTIVATE.label}
        confirmColor="blue"
        loading={action.isPending}
        error={action.error}
        onClose={close}
        onConfirm={() => {
          const done = REACTIVATE.done;
          action.mutate(
            { userId: user.id, action: 'reactivate' },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', title: done, message: user.name });
                setPending(null);
              },
            },
          );
        }}
      >
        {REACTIVATE.text(user.name)}
      </ConfirmModal>
    </Group>
  );
}
