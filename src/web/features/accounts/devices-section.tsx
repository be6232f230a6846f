import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import {
  devicesKey,
  getDevices,
  revokeDevice,
  signOutOtherDevices,
  type SignedInDevice,
} from './two-factor-api';

function DeviceRow({
  device,
  onRevoke,
  busy,
}: {
  device: SignedInDevice;
  onRevoke: () => void;
  busy: boolean;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {device.device}
            </Text>
            {device.thisDevice && (
              <SoftBadge size="sm" color="blue">
                This device
              </SoftBadge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Signed in {formatDateTime(device.signedInAt)} · last active {formatDateTime(device.lastActiveAt)}
            {device.approximateAddress ? ` · near ${device.approximateAddress}` : ''}
          </Text>
        </Stack>
        {!device.thisDevice && (
          <Button
            size="xs"
            variant="default"
            onClick={onRevoke}
            loading={busy}
            aria-label={`Sign out ${device.device}, signed in ${formatDateTime(device.signedInAt)}`}
          >
            Sign out
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** My account → Signed-in devices: every open session of the account; sign one out, or all others. */
export function DevicesSection() {
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey, queryFn: getDevices });
  const refresh = () => queryClient.invalidateQueries({ queryKey: devicesKey });
  const revoke = useMutation({ mutationFn: revokeDevice, onSettled: refresh });
  const others = useMutation({ mutationFn: signOutOtherDevices, onSettled: refresh });
  const list = devices.data?.devices ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="devices-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="devices-heading">
          Signed-in devices
        </Title>
        <Text size="sm">
          Where your account is signed in now. If you do not recognise a device, sign it out and change your
          password.
        </Text>
        {devices.isPending ? (
          <LoadingState />
        ) : devices.isError ? (
          <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label="Signed-in devices">
            {list.map((d) => (
              <DeviceRow
                key={d.id}
                device={d}
                busy={revoke.isPending && revoke.variables === d.id}
                onRevoke={() => revoke.mutate(d.id)}
              />
            ))}
          </Stack>
        )}
        {(revoke.isError || others.isError) && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(revoke.error ?? others.error)}
          </Alert>
        )}
        {list.length > 1 && (
          <Button
            variant="default"
            onClick={() => others.mutate()}
            loading={others.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            Sign out everywhere else
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
