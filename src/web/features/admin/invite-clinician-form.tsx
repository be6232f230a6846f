import { Alert, Button, Grid, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { StaffRole } from '../../../shared/accounts/api';
import { errorMessage } from '../../components/query-state';
import { useInviteStaff } from './api';

const ROLE_OPTIONS: { value: StaffRole; label: string }[] = [
  { value: 'therapist', label: 'Therapist' },
  { value: 'prescriber', label: 'Prescriber' },
  { value: 'care_manager', label: 'Care manager' },
  { value: 'admin', label: 'Admin' },
];

/** Invite a clinician (or another admin) by email. */
export function InviteClinicianForm() {
  const invite = useInviteStaff();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    name: name.trim() ? undefined : 'Enter the name',
    email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : 'Enter an email address',
    role: role ? undefined : 'Choose a role',
  };
  const valid = !errors.name && !errors.email && !errors.role;

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || !role) return;
    invite.mutate(
      { name: name.trim(), email: email.trim(), role },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            title: 'Invitation sent',
            message: `${user.name} will receive an email with a link to set a password.`,
          });
          setName('');
          setEmail('');
          setRole(null);
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="invite-heading">
            Invite clinician
          </Title>
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={submitted ? errors.name : undefined}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Email"
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={submitted ? errors.email : undefined}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Role"
                required
                data={[{ value: '', label: 'Choose a role' }, ...ROLE_OPTIONS]}
                value={role ?? ''}
                onChange={(e) => setRole((e.currentTarget.value || null) as StaffRole | null)}
                error={submitted ? errors.role : undefined}
              />
            </Grid.Col>
          </Grid>
          {invite.isError && (
            <Alert color="red" variant="light" role="alert" title="The invitation was not sent">
              {errorMessage(invite.error)}
            </Alert>
          )}
          <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
            Send invitation
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
