import { Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { SecurityAlert } from '../../../shared/audit/security-alert-schemas';
import { SoftBadge } from '../../components/badges';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';

function useSecurityAlerts() {
  return useQuery({
    queryKey: ['admin', 'security-alerts'] as const,
    queryFn: () => api.get<{ alerts: SecurityAlert[]; hasMore: boolean }>('/api/admin/security-alerts'),
  });
}

/** Security alerts for the clinic's admins (issue 13): an account refused again and again, the most severe and newest first. */
export function SecurityAlertsPage() {
  const alerts = useSecurityAlerts();
  const list = alerts.data?.alerts;
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Security alerts</PageTitle>
        <Text c="dimmed">
          Duet raises one alert when an account is refused 10 times within 10 minutes on records it may not
          open. It is raised once for each burst. Check with the person; deactivate the account from Staff
          accounts if it is being misused.
        </Text>
      </div>
      {alerts.isPending && <LoadingState label="Loading alerts…" />}
      {alerts.isError && <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {list?.length === 0 && <Text c="dimmed">No security alerts.</Text>}
      {alerts.data?.hasMore === true && (
        <Text size="sm" c="dimmed">
          Showing the latest {alerts.data.alerts.length} alerts (the most severe first); older ones are not
          listed.
        </Text>
      )}
      {list && list.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((alert) => (
            <Card component="li" key={alert.id} withBorder radius="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{alert.title}</Text>
                <Group gap="xs">
                  <SoftBadge color={alert.severity === 'urgent' ? 'red' : 'orange'}>
                    {alert.severity}
                  </SoftBadge>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(alert.createdAt)}
                  </Text>
                </Group>
              </Group>
              <Text size="sm" mt={4}>
                {alert.details}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
