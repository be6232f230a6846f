// Issue 17 (offline): the bar above every signed-in page that says honestly what the phone is doing —
// offline and showing what was saved at a given time, writes waiting to be sent, and writes the server
// refused (with its reason, until the patient dismisses them). It also sends the waiting writes: when the app
// starts, when the network comes back and every 5 seconds while some wait or the phone is offline.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconClockHour4, IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../app/api-client';
import { formatClock, formatWhen } from '../lib/format-time';
import { dismissRefused, flushQueue, useOfflineQueue } from '../lib/offline-queue';
import { useOfflineStatus } from '../lib/offline-status';
import { browserToday, dayOf } from './format';

const RETRY_MS = 5_000;
const SAFETY_COPIES_DELAY_MS = 5_000;

/** "14:05" today, "Mon 7 Dec, 14:05" another day. */
function savedWhen(ms: number): string {
  return dayOf(ms).key === browserToday() ? formatClock(ms) : formatWhen(ms);
}

/**
 * Sends the waiting writes at start, when the browser says it is online again, and every few seconds while
 * some wait or the page shows saved answers (a phone can report "online" with no way through: then the saved
 * answers are what tells, and they are read again until fresh ones come).
 */
function useSendWaiting(userId: string, waiting: number, offline: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const flush = () => {
      void flushQueue(userId).then((sent) => {
        if (sent > 0 || offline) void queryClient.invalidateQueries();
      });
    };
    flush();
    window.addEventListener('online', flush);
    const timer = waiting > 0 || offline ? setInterval(flush, RETRY_MS) : null;
    return () => {
      window.removeEventListener('online', flush);
      if (timer !== null) clearInterval(timer);
    };
  }, [userId, waiting, offline, queryClient]);
}

/**
 * The safety plan and the crisis numbers are always on the phone once synced, even if the patient never
 * opened them: read once when the app starts online and when the network comes back (the service worker
 * keeps the answers; sw/offline-reads.ts).
 */
function useKeepSafetyCopies(patientId: string | null, online: boolean): void {
  useEffect(() => {
    if (patientId === null || !online) return;
    const base = `/api/patients/${encodeURIComponent(patientId)}`;
    // After the page the patient came for has loaded, not competing with it on a slow network.
    const timer = setTimeout(() => {
      for (const path of [
        `${base}/safety-plan`,
        `${base}/crisis-resources?situation=self_harm`,
        `${base}/crisis-resources?situation=physical_emergency`,
      ])
        void api.get(path).catch(() => undefined);
    }, SAFETY_COPIES_DELAY_MS);
    return () => clearTimeout(timer);
  }, [patientId, online]);
}

export function OfflineStatusBar({ userId, patientId }: { userId: string; patientId: string | null }) {
  const { online, savedAt } = useOfflineStatus();
  useKeepSafetyCopies(patientId, online);
  const writes = useOfflineQueue(userId);
  const waiting = writes.filter((w) => w.state === 'waiting');
  const refused = writes.filter((w) => w.state === 'refused');
  const offline = !online || savedAt !== null;
  useSendWaiting(userId, waiting.length, offline);

  if (!offline && writes.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" role="status" aria-live="polite">
      {offline && (
        <Paper withBorder p="sm" bg="gray.0">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCloudOff size={20} aria-hidden />
            <div>
              <Text fw={700}>
                {savedAt === null ? 'Offline' : `Offline — showing what was saved at ${savedWhen(savedAt)}`}
              </Text>
              <Text size="sm">
                What you record is kept on this phone and sent when you are back online. Your safety plan and
                crisis numbers stay available.
              </Text>
            </div>
          </Group>
        </Paper>
      )}
      {waiting.length > 0 && (
        <Paper withBorder p="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconClockHour4 size={20} aria-hidden />
            <div>
              <Text fw={700}>Waiting to send ({waiting.length})</Text>
              <Text size="sm">{waiting.map((w) => w.label).join(' · ')}</Text>
            </div>
          </Group>
        </Paper>
      )}
      {refused.map((write) => (
        <Paper key={write.id} withBorder p="sm" style={{ borderColor: 'var(--mantine-color-red-8)' }}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={20} color="var(--mantine-color-red-8)" aria-hidden />
            <Stack gap={4}>
              <Text fw={700}>Not sent: {write.label}</Text>
              <Text size="sm">{write.refusal ?? 'Duet did not accept it.'}</Text>
              <Button
                size="xs"
                variant="default"
                w="fit-content"
                onClick={() => void dismissRefused(write.id)}
              >
                Dismiss
              </Button>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
