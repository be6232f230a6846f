import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StaffUser } from '../../../shared/accounts/api';
import { ConfirmModal } from '../../components/confirm-modal';
import { errorMessage } from '../../components/query-state';
import { useUserAction, type UserAction } from './api';

const CONFIRM: Record<
  Exclude<UserAction, 'resend-invite'>,
  { title: string; label: string; color: string; text: (name: string) => string; done: string }
> = {
  deactivate: {
    title: 'Deactivate account',
    label: 'Deactivate',
    color: 'red',
    text: (name) =>
      `${name} will be signed out everywhere and will not be able to sign in until the account is reactivated. Their care team records stay as they are.`,
    done: 'Account deactivated',
  },
  reactivate: {
    title: 'Reactivate account',
    label: 'Reactivate',
    color: 'blue',
    text: (name) => `${name} will be able to sign in again with their existing password.`,
    done: 'Account reactivated',
  },
};

/** The actions an admin can take on one staff account. */
export function UserActions({ user, isSelf }: { user: StaffUser; isSelf: boolean }) {
  const action = useUserAction();
  const [pending, setPending] = useState<'deactivate' | 'reactivate' | null>(null);
  const confirm = pending ? CONFIRM[pending] : null;

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
      <ConfirmModal
        opened={confirm !== null}
        title={confirm?.title ?? ''}
        confirmLabel={confirm?.label ?? ''}
        confirmColor={confirm?.color}
        loading={action.isPending}
        error={action.error}
        onClose={close}
        onConfirm={() => {
          if (!pending) return;
          const done = CONFIRM[pending].done;
          action.mutate(
            { userId: user.id, action: pending },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', title: done, message: user.name });
                setPending(null);
              },
            },
          );
        }}
      >
        {confirm?.text(user.name)}
      </ConfirmModal>
    </Group>
  );
}
