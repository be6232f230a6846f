import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StaffUser } from '../../../shared/accounts/api';
import type { DeactivationAssignment } from '../../../shared/accounts/deactivation';
import { ErrorState, errorMessage, LoadingState } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { useStaffUsers } from './api';
import { useDeactivate, useDeactivationImpact } from './deactivation-api';

type Choice = { replacementUserId: string | null; leaveUnassigned: boolean; reason: string };
const EMPTY: Choice = { replacementUserId: null, leaveUnassigned: false, reason: '' };

/**
 * The admin's deactivate dialog (issue 15): the patients whose care team the person is on, a replacement or
 * "leave unassigned" with a reason for each, and the open alerts that move with the choice.
 */
export function DeactivateDialog(props: { user: StaffUser; opened: boolean; onClose: () => void }) {
  const { user } = props;
  const impact = useDeactivationImpact(user.id, props.opened);
  const staff = useStaffUsers();
  const deactivate = useDeactivate();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const errors = fieldErrorsFrom(deactivate.error);
  const data = impact.data;
  const close = () => {
    setChoices({});
    deactivate.reset();
    props.onClose();
  };
  const set = (key: string, change: Partial<Choice>) =>
    setChoices((c) => ({ ...c, [key]: { ...(c[key] ?? EMPTY), ...change } }));

  const submit = () => {
    const patients = data?.patients ?? [];
    const assignments: DeactivationAssignment[] = patients.map((p) => {
      const c = choices[`${p.patientId}:${p.role}`] ?? EMPTY;
      return c.leaveUnassigned
        ? { patientId: p.patientId, role: p.role, leaveUnassigned: true, reason: c.reason }
        : c.replacementUserId
          ? { patientId: p.patientId, role: p.role, replacementUserId: c.replacementUserId }
          : { patientId: p.patientId, role: p.role };
    });
    deactivate.mutate(
      { userId: user.id, request: { assignments } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Account deactivated', message: user.name });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={props.opened} onClose={close} title="Deactivate account" centered size="lg">
      {impact.isPending && <LoadingState />}
      {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
      {data && (
        <Stack gap="md">
          <Text size="sm">
            {user.name} will be signed out everywhere and will not be able to sign in until the account is
            reactivated.
          </Text>
          {data.patients.length > 0 && (
            <>
              <Text size="sm" fw={500}>
                {user.name} is on the care team of {String(data.patients.length)}{' '}
                {data.patients.length === 1 ? 'patient' : 'patients'} and has {String(data.openAlerts)} open{' '}
                {data.openAlerts === 1 ? 'alert' : 'alerts'}. Choose who takes over for each patient, or leave
                them unassigned with a reason. Open alerts move to the person who takes over.
              </Text>
              {data.patients.map((p, i) => {
                const key = `${p.patientId}:${p.role}`;
                const c = choices[key] ?? EMPTY;
                const options = (staff.data ?? [])
                  .filter((s) => s.role === p.role && s.status === 'active' && s.id !== user.id)
                  .map((s) => ({ value: s.id, label: s.name }));
                const role = p.role.replace('_', ' ');
                return (
                  <Stack key={key} gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                    <Text component="legend" size="sm" fw={500}>
                      {p.name} — {role}
                      {p.onlyOneInRole ? ` (no other ${role})` : ''}
                      {p.openAlerts > 0
                        ? `, ${String(p.openAlerts)} open alert${p.openAlerts === 1 ? '' : 's'}`
                        : ''}
                    </Text>
                    <Select
                      label={`New ${role} for ${p.name}`}
                      placeholder="Choose a clinician"
                      data={options}
                      value={c.replacementUserId}
                      onChange={(v) => set(key, { replacementUserId: v, leaveUnassigned: false })}
                      disabled={c.leaveUnassigned}
                      error={
                        errors[`assignments.${String(i)}.replacementUserId`] ??
                        errors[`assignments.${String(i)}`]
                      }
                      clearable
                    />
                    <Checkbox
                      label={`Leave ${p.name} without a new ${role}`}
                      checked={c.leaveUnassigned}
                      onChange={(e) =>
                        set(key, { leaveUnassigned: e.currentTarget.checked, replacementUserId: null })
                      }
                    />
                    {c.leaveUnassigned && (
                      <TextInput
                        label={`Reason for leaving ${p.name} unassigned`}
                        value={c.reason}
                        onChange={(e) => set(key, { reason: e.currentTarget.value })}
                        error={errors[`assignments.${String(i)}.reason`]}
                        required
                      />
                    )}
                  </Stack>
                );
              })}
            </>
          )}
          {deactivate.error !== null && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(deactivate.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={submit} loading={deactivate.isPending}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
