import { Badge, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Textarea } from '../../components/limited-text';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { ShowingLatest } from '../../components/showing-latest';
import type { AgendaItem } from '../../../shared/visit-agenda/api';
import { AGENDA_TEXT_MAX, agendaAddressees, type AgendaAddressee } from '../../../shared/visit-agenda/rules';
import { useAddAgendaItem, useAgenda, useChangeAgendaItem, useDeleteAgendaItem } from './api';
import { ADDRESSEE_FOR_PATIENT } from './words';

function AddItemForm({ patientId, appointmentId }: { patientId: string; appointmentId: string | null }) {
  const add = useAddAgendaItem(patientId);
  const [text, setText] = useState('');
  const [to, setTo] = useState<AgendaAddressee>('both');
  // Made once per item: a retried add finds the first one.
  const [id, setId] = useState(() => crypto.randomUUID());
  const fields = fieldErrorsFrom(add.error);
  const over = text.trim().length > AGENDA_TEXT_MAX;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { id, addressedTo: to, text, appointmentId },
          {
            onSuccess: () => {
              setText('');
              setId(crypto.randomUUID());
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Textarea
          label="What do you want to talk about?"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
          }}
          maxLength={AGENDA_TEXT_MAX}
          autosize
          minRows={2}
          error={fields.text}
        />
        <Radio.Group
          label="Who is it for?"
          value={to}
          onChange={(v) => {
            setTo(v);
          }}
          error={fields.addressedTo}
        >
          <Group gap="md" mt={4}>
            {agendaAddressees.map((a) => (
              <Radio key={a} value={a} label={ADDRESSEE_FOR_PATIENT[a]} />
            ))}
          </Group>
        </Radio.Group>
        {add.isError && !fields.text && !fields.addressedTo && (
          <Text c="red.8" size="sm" role="alert">
            {fields.appointmentId ?? errorMessage(add.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={add.isPending} disabled={text.trim() === '' || over}>
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemRow({ patientId, item }: { patientId: string; item: AgendaItem }) {
  const change = useChangeAgendaItem(patientId);
  const remove = useDeleteAgendaItem(patientId);
  const [editing, setEditing] = useState<string | null>(null);
  const fields = fieldErrorsFrom(change.error);
  return (
    <Card withBorder padding="sm" radius="sm" component="li">
      {editing === null ? (
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.text}</Text>
      ) : (
        <Textarea
          label="Change your item"
          value={editing}
          onChange={(e) => {
            setEditing(e.currentTarget.value);
          }}
          maxLength={AGENDA_TEXT_MAX}
          autosize
          error={fields.text}
        />
      )}
      <Group gap="xs" mt={6} wrap="wrap">
        <Badge variant="light">{ADDRESSEE_FOR_PATIENT[item.addressedTo]}</Badge>
        {item.status === 'discussed' && <Badge color="green">Talked about</Badge>}
        {item.changeable &&
          (editing === null ? (
            <>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  setEditing(item.text);
                }}
              >
                Edit
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => {
                  remove.mutate(item);
                }}
              >
                Delete
              </Button>
            </>
          ) : (
            <>
              <Button
                size="compact-sm"
                loading={change.isPending}
                onClick={() => {
                  change.mutate(
                    { item, change: { text: editing } },
                    {
                      onSuccess: () => {
                        setEditing(null);
                      },
                    },
                  );
                }}
              >
                Save
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  setEditing(null);
                }}
              >
                Cancel
              </Button>
            </>
          ))}
      </Group>
      {(change.isError && !fields.text) || remove.isError ? (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(change.error ?? remove.error)}
        </Text>
      ) : null}
    </Card>
  );
}

/**
 * "What I want to talk about" (issue 14): the patient adds items for their next visit (or for one
 * appointment), to the therapist, the prescriber or both, and changes them until the visit. Phone first.
 */
export function AgendaCard({
  patientId,
  appointmentId = null,
}: {
  patientId: string;
  appointmentId?: string | null;
}) {
  const agenda = useAgenda(patientId);
  const items = (agenda.data?.items ?? []).filter(
    (i) => appointmentId === null || i.appointmentId === null || i.appointmentId === appointmentId,
  );
  const open = items.filter((i) => i.status === 'open');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="agenda-heading">
      <Title order={2} size="h3" id="agenda-heading" mb={4}>
        What I want to talk about
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Add what you want to talk about at your next appointment. Your care team sees it before the visit.
      </Text>
      <AddItemForm patientId={patientId} appointmentId={appointmentId} />
      {agenda.isPending && <LoadingState label="Loading your items…" />}
      {agenda.isError && <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />}
      {open.length > 0 && (
        <Stack component="ul" gap="xs" mt="md" p={0} style={{ listStyle: 'none' }} aria-label="Your items">
          {open.map((i) => (
            <ItemRow key={i.id} patientId={patientId} item={i} />
          ))}
        </Stack>
      )}
      <ShowingLatest
        shown={agenda.data?.items.length ?? 0}
        hasMore={agenda.data?.hasMore === true}
        what="items"
      />
    </Card>
  );
}
