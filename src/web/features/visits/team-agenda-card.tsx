import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { ShowingLatest } from '../../components/showing-latest';
import { addresseeWords } from '../../../shared/visit-agenda/visit-summary-words';
import { useAgenda, useMarkDiscussed } from './api';

/**
 * The patient's open items addressed to this clinician (or to both), shown first on the patient page:
 * what the patient wants to talk about at the next visit. The clinician marks each one discussed.
 */
export function TeamAgendaCard({ patientId }: { patientId: string }) {
  const agenda = useAgenda(patientId);
  const mark = useMarkDiscussed(patientId);
  const open = (agenda.data?.items ?? []).filter((i) => i.status === 'open');
  if (agenda.isSuccess && open.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="team-agenda-heading">
      <Title order={2} size="h4" id="team-agenda-heading" mb="xs">
        The patient wants to talk about
      </Title>
      {agenda.isPending && <LoadingState label="Loading the patient’s items…" />}
      {agenda.isError && <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {open.map((i) => (
          <li key={i.id}>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{i.text}</Text>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{addresseeWords[i.addressedTo]}</Badge>
              <Button
                size="compact-sm"
                variant="light"
                loading={mark.isPending && mark.variables.id === i.id}
                onClick={() => {
                  mark.mutate(i);
                }}
              >
                Mark discussed
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
      <ShowingLatest
        shown={agenda.data?.items.length ?? 0}
        hasMore={agenda.data?.hasMore === true}
        what="items"
      />
      {mark.isError && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(mark.error)}
        </Text>
      )}
    </Card>
  );
}
