import { Alert, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SubmitEvent } from 'react';
import { pushKindLabels, type PushKind } from '../../../shared/push/kinds';
import { useCurrentUser } from '../../app/session';
import { browserTimeZone } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import {
  deletePushSubscription,
  getPushPreferences,
  getPushSubscriptions,
  pushPreferencesKey,
  pushSubscriptionsKey,
  putPushPreferences,
  type PushPreferences,
} from './api';
import { currentEndpoint, pushSupported, turnOffThisDevice, turnOnThisDevice } from './browser-push';

/** This browser: notifications on or off here (each device is subscribed on its own). */
function ThisDevice() {
  const queryClient = useQueryClient();
  const subs = useQuery({ queryKey: pushSubscriptionsKey, queryFn: getPushSubscriptions });
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void currentEndpoint().then(setEndpoint);
  }, []);
  const refresh = async () => {
    setEndpoint(await currentEndpoint());
    await queryClient.invalidateQueries({ queryKey: pushSubscriptionsKey });
  };
  const mine = subs.data?.subscriptions.find((s) => s.endpoint === endpoint) ?? null;
  const on = useMutation({
    mutationFn: turnOnThisDevice,
    onSuccess: (result) => setDenied(result === 'denied'),
    onSettled: refresh,
  });
  const off = useMutation({
    mutationFn: async () => {
      if (mine) await deletePushSubscription(mine.id);
      await turnOffThisDevice();
    },
    onSettled: refresh,
  });
  if (!pushSupported())
    return (
      <Text size="sm">
        This browser cannot show notifications from Duet. Your reminders still show in Duet.
      </Text>
    );
  const others = (subs.data?.subscriptions.length ?? 0) - (mine ? 1 : 0);
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {mine ? 'Notifications are on for this device.' : 'Notifications are off for this device.'}
        </Text>
        {mine ? (
          <Button size="sm" variant="default" onClick={() => off.mutate()} loading={off.isPending}>
            Turn off on this device
          </Button>
        ) : (
          <Button size="sm" onClick={() => on.mutate()} loading={on.isPending}>
            Turn on notifications on this device
          </Button>
        )}
      </Group>
      {others > 0 && (
        <Text size="xs" c="dimmed">
          {others === 1 ? '1 other device gets them too.' : `${String(others)} other devices get them too.`}
        </Text>
      )}
      {denied && (
        <Alert color="yellow" variant="light" role="status">
          <Text size="sm">
            Notifications are blocked for Duet in this browser. Allow them in the browser settings.
          </Text>
        </Alert>
      )}
      {(on.isError || off.isError) && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{errorMessage(on.error ?? off.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}

function ChoicesForm({ prefs }: { prefs: PushPreferences }) {
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<Record<PushKind, boolean>>({
    doses: prefs.doses,
    questionnaires: prefs.questionnaires,
    appointments: prefs.appointments,
    replies: prefs.replies,
    urgentAlerts: prefs.urgentAlerts,
  });
  const [quiet, setQuiet] = useState(prefs.quietHours !== null);
  const [start, setStart] = useState(prefs.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(prefs.quietHours?.end ?? '07:00');
  const save = useMutation({
    mutationFn: () =>
      putPushPreferences(
        { ...kinds, quietHours: quiet ? { start, end } : null, timeZone: browserTimeZone() },
        prefs.version,
      ),
    onSuccess: (saved) => queryClient.setQueryData(pushPreferencesKey, saved),
  });
  const fieldErrors = fieldErrorsFrom(save.error);
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Stack gap="sm" role="group" aria-labelledby="push-kinds-heading">
          <Text size="sm" fw={600} id="push-kinds-heading">
            Notify me about
          </Text>
          {prefs.available.map((kind) => (
            <Switch
              key={kind}
              size="md"
              label={pushKindLabels[kind]}
              checked={kinds[kind]}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setKinds((k) => ({ ...k, [kind]: checked }));
              }}
              error={fieldErrors[kind]}
            />
          ))}
        </Stack>
        <Switch
          size="md"
          label="Quiet hours"
          description={
            prefs.available.includes('urgentAlerts')
              ? 'Other notifications wait until quiet hours end. Urgent alerts still come.'
              : 'Notifications wait until quiet hours end.'
          }
          checked={quiet}
          onChange={(e) => setQuiet(e.currentTarget.checked)}
        />
        {quiet && (
          <Group gap="sm" grow>
            <TextInput
              type="time"
              label="From"
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={fieldErrors['quietHours.start']}
            />
            <TextInput
              type="time"
              label="Until"
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={fieldErrors['quietHours.end'] ?? fieldErrors.quietHours}
            />
          </Group>
        )}
        {save.isError && Object.keys(fieldErrors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{errorMessage(save.error)}</Text>
          </Alert>
        )}
        {save.isSuccess && (
          <Text size="sm" role="status">
            Your notification choices are saved.
          </Text>
        )}
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          Save notification choices
        </Button>
      </Stack>
    </form>
  );
}

/** My account → Notifications (issue 17): this device on or off, the kinds I want, quiet hours. Admins have none. */
export function PushSection() {
  const { role } = useCurrentUser();
  return role === 'admin' ? null : <Notifications />;
}

function Notifications() {
  const prefs = useQuery({
    queryKey: pushPreferencesKey,
    queryFn: () => getPushPreferences(browserTimeZone()),
  });
  if (prefs.data && prefs.data.available.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="push-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="push-heading">
          Notifications
        </Title>
        <Text size="sm">
          Notifications never show a medicine, a dose, a name or health details on your lock screen: just
          “Time for your 8:00 medicine” or “New message from your care team”.
        </Text>
        {prefs.isPending ? (
          <LoadingState />
        ) : prefs.isError ? (
          <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : (
          <>
            <ThisDevice />
            <ChoicesForm prefs={prefs.data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
