import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCurrentUser } from '../../app/session';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useMyOpenConsults, useMyOpenConsultsCut } from './api';
import { ConsultItem } from './consult-item';

/** The inbox's consult tab: open consults asked of me (with a reply box), then those I am waiting on. */
export function MyOpenConsults() {
  const user = useCurrentUser();
  const consults = useMyOpenConsults();
  const cut = useMyOpenConsultsCut();
  if (consults.isPending) return <LoadingState label="Loading consults…" />;
  if (consults.isError) return <ErrorState error={consults.error} onRetry={() => void consults.refetch()} />;
  const forMe = consults.data.filter((c) => c.to.userId === user.id);
  const byMe = consults.data.filter((c) => c.from.userId === user.id && c.to.userId !== user.id);
  const groups = [
    {
      id: 'consults-for-me',
      title: 'Asked of me',
      items: forMe,
      empty: 'Nobody is waiting for your answer.',
    },
    {
      id: 'consults-by-me',
      title: 'Asked by me',
      items: byMe,
      empty: 'You are not waiting for any answers.',
    },
  ];
  return (
    <Stack gap="lg">
      {cut && (
        <Text size="sm" c="dimmed">
          Showing the latest {consults.data.length} open consults; older ones are not listed.
        </Text>
      )}
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={group.id}>
          <Title order={2} size="h4" id={group.id} mb="xs">
            {group.title} ({group.items.length})
          </Title>
          {group.items.length === 0 ? (
            <Paper withBorder radius="md" p="md">
              <Text c="dimmed">{group.empty}</Text>
            </Paper>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {group.items.map((consult) => (
                <ConsultItem key={consult.id} consult={consult} showPatient />
              ))}
            </Stack>
          )}
        </section>
      ))}
    </Stack>
  );
}
