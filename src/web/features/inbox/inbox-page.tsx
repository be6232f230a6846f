import { Group, NativeSelect, Paper, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { InboxView } from '../../../shared/alerts/api';
import { fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useCurrentUser } from '../../app/session';
import { useMyOpenConsults } from '../messaging/api';
import { MyOpenConsults } from '../messaging/my-consults';
import { useCaseload } from '../patients/api';
import { AlertItem } from './alert-item';
import { ALERT_TYPE_LABELS } from './alert-words';
import { useInbox, useInboxCounts } from './api';

const VIEWS: { value: InboxView; label: string }[] = [
  { value: 'active', label: 'Needs action' },
  { value: 'resolved', label: 'Resolved' },
];

function InboxFilters() {
  const [params, setParams] = useSearchParams();
  const caseload = useCaseload();
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('tab');
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const patients = [...(caseload.data ?? [])].sort((a, b) => a.familyName.localeCompare(b.familyName));

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <div>
        <Text size="sm" fw={500} id="inbox-view-label" mb={4}>
          Show
        </Text>
        <SegmentedControl
          aria-labelledby="inbox-view-label"
          value={params.get('view') === 'resolved' ? 'resolved' : 'active'}
          onChange={(value) => set('view', value === 'active' ? '' : value)}
          data={VIEWS}
        />
      </div>
      <NativeSelect
        label="Patient"
        value={params.get('patientId') ?? ''}
        onChange={(e) => set('patientId', e.currentTarget.value)}
        data={[
          { value: '', label: 'All my patients' },
          ...patients.map((p) => ({ value: p.id, label: fullName(p) })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <NativeSelect
        label="Type"
        value={params.get('type') ?? ''}
        onChange={(e) => set('type', e.currentTarget.value)}
        data={[
          { value: '', label: 'All types' },
          ...Object.entries(ALERT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
    </Group>
  );
}

function AlertList() {
  const [params] = useSearchParams();
  const view: InboxView = params.get('view') === 'resolved' ? 'resolved' : 'active';
  const inbox = useInbox({
    view,
    patientId: params.get('patientId') ?? undefined,
    type: params.get('type') ?? undefined,
  });
  const filtered = params.has('patientId') || params.has('type');

  if (inbox.isPending) return <LoadingState label="Loading your inbox…" />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  if (inbox.data.alerts.length === 0) {
    return (
      <Paper withBorder radius="md" p="md">
        <Text c="dimmed">
          {view === 'resolved'
            ? 'No resolved alerts yet.'
            : filtered
              ? 'Nothing needs you for this patient or type.'
              : 'Nothing needs you right now.'}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      {inbox.data.hasMore && (
        <Text size="sm" c="dimmed">
          Showing {inbox.data.alerts.length} alerts, the most urgent and newest first; filter by patient or
          type to see the others.
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite">
        {inbox.data.alerts.map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </Stack>
    </Stack>
  );
}

function CountsLine() {
  const counts = useInboxCounts(true);
  if (!counts.data) return <Text c="dimmed">Alerts routed to you, urgent first.</Text>;
  const { urgent, total } = counts.data;
  return (
    <Text c="dimmed">
      {total === 0
        ? 'No open alerts. Urgent alerts come first when there are any.'
        : `${total} open ${total === 1 ? 'alert' : 'alerts'}${urgent > 0 ? `, ${urgent} urgent` : ''}. Urgent first.`}
    </Text>
  );
}

export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const consults = useMyOpenConsults();
  const user = useCurrentUser();
  const waitingOnMe = consults.data?.filter((c) => c.to.userId === user.id).length ?? 0;
  const tab = params.get('tab') === 'consults' ? 'consults' : 'alerts';
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Inbox</PageTitle>
        <CountsLine />
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'consults' ? { tab: 'consults' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="alerts">Alerts</Tabs.Tab>
          <Tabs.Tab value="consults">
            Consults{waitingOnMe > 0 ? ` (${String(waitingOnMe)} for me)` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alerts" pt="md">
          <Stack gap="md">
            <InboxFilters />
            <AlertList />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="consults" pt="md">
          <MyOpenConsults />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
