import { Alert, Button, Grid, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SubmitEvent } from 'react';
import type { StaffRole } from '../../../shared/accounts/api';
import { inviteStaffRequestSchema } from '../../../shared/accounts/schemas';
import { errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { useInviteStaff } from './api';

const ROLE_OPTIONS: { value: StaffRole; label: string }[] = [
  { value: 'therapist', label: 'Therapist' },
  { value: 'prescriber', label: 'Prescriber' },
  { value: 'care_manager', label: 'Care manager' },
  { value: 'admin', label: 'Admin' },
];

type InviteForm = { name: string; email: string; role: StaffRole | '' };
const EMPTY: InviteForm = { name: '', email: '', role: '' };

/** Invite a clinician (or another admin) by email; checked with the invite route's own schema. */
export function InviteClinicianForm() {
  const invite = useInviteStaff();
  const form = useSchemaForm({
    schema: inviteStaffRequestSchema,
    initialValues: EMPTY,
    toPayload: (values: InviteForm) => ({
      name: values.name.trim(),
      email: values.email.trim(),
      role: values.role as StaffRole,
    }),
  });
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    invite.reset();
    form.submit((payload) =>
      invite.mutate(payload, {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            title: 'Invitation sent',
            message: `${user.name} will receive an email with a link to set a password.`,
          });
          form.reset(EMPTY);
        },
        // An address already in use (409) or a refused field (400) is shown at its field.
        onError: (error) => form.setServerErrors(error),
      }),
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
              <TextInput label="Name" required {...form.getInputProps('name')} autoComplete="off" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="Email"
                type="email"
                required
                {...form.getInputProps('email')}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Role"
                required
                data={[{ value: '', label: 'Choose a role' }, ...ROLE_OPTIONS]}
                {...form.getInputProps('role')}
              />
            </Grid.Col>
          </Grid>
          {invite.isError && (
            <Alert color="red" variant="light" role="alert" title="The invitation was not sent">
              {fieldsMarked ? 'Check the fields marked above.' : errorMessage(invite.error)}
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
