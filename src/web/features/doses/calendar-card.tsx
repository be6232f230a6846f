import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconCopy } from '@tabler/icons-react';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useCalendarFeed, useResetCalendarFeed, useTurnOffCalendarFeed } from './api';

/**
 * The private calendar link: phone calendars subscribe to it and show dose times. Only its hash is kept,
 * so the link is shown once; a new link replaces it and the old one stops working.
 */
export function CalendarCard({ patientId }: { patientId: string }) {
  const status = useCalendarFeed(patientId);
  const reset = useResetCalendarFeed(patientId);
  const off = useTurnOffCalendarFeed(patientId);
  const url = reset.data?.url ?? null;
  const active = status.data?.active ?? false;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="calendar-heading">
      <Title order={2} size="h3" id="calendar-heading" mb={4}>
        Dose times in your phone’s calendar
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Add a private link to your calendar app (“subscribe to calendar” or “add from URL”). Anyone with the
        link can see your dose times, so keep it to yourself.
      </Text>
      {status.isPending && <LoadingState label="Checking your calendar link…" />}
      {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <Stack gap="sm">
          {url && (
            <Stack gap="xs">
              <TextInput
                label="Your private calendar link (shown only now)"
                value={url}
                readOnly
                size="md"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    size="md"
                    variant="light"
                    leftSection={<IconCopy size={18} aria-hidden />}
                  >
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          )}
          {active && !url && status.data.createdAt !== null && (
            <Text size="sm">
              A link made on {formatDateTime(status.data.createdAt)} is active. For your privacy it is not
              shown again: make a new one if you need it (the old one stops working).
            </Text>
          )}
          <Group gap="sm" wrap="wrap">
            <Button
              size="md"
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              loading={reset.isPending}
              onClick={() => reset.mutate()}
              style={{ flex: '1 1 auto' }}
            >
              {active ? 'Make a new link' : 'Create my calendar link'}
            </Button>
            {active && (
              <Button
                size="md"
                variant="default"
                loading={off.isPending}
                style={{ flex: '1 1 auto' }}
                onClick={() => {
                  reset.reset();
                  off.mutate();
                }}
              >
                Turn off
              </Button>
            )}
          </Group>
          {(reset.isError || off.isError) && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(reset.error ?? off.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
