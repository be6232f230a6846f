import { Alert, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { useState } from 'react';
import type { Instrument, MeasureResponse } from '../../../shared/measures/api';
import { formatDateTime } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { useBaselineHistory, useChooseBaseline } from './api';

/**
 * The baseline changes only by an explicit clinician choice (issue 12): pick a complete answer, say why,
 * and it is kept in the history below (and the audit trail). A later answer dated earlier never takes the
 * baseline's place on its own.
 */
export function BaselineChoice({
  patientId,
  responses,
  instruments,
}: {
  patientId: string;
  responses: MeasureResponse[];
  instruments: Instrument[];
}) {
  const history = useBaselineHistory(patientId);
  const choose = useChooseBaseline(patientId);
  const [responseId, setResponseId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const nameOf = (id: string) => instruments.find((i) => i.id === id)?.name ?? id;
  const scored = responses
    .filter((r) => r.total !== null && !r.interpretation.isBaseline)
    .sort((a, b) => a.answeredAt - b.answeredAt);
  const byId = new Map(responses.map((r) => [r.id, r]));
  const label = (r: MeasureResponse) =>
    `${nameOf(r.instrument)} ${String(r.total)} · ${formatDateTime(r.answeredAt)}`;
  const chosen = responseId ? byId.get(responseId) : undefined;
  const version = history.data?.baselines.find((b) => b.instrument === chosen?.instrument)?.version ?? 0;

  return (
    <Stack gap="xs" p="md">
      <Title order={3} size="h5">
        Baseline
      </Title>
      <Text size="sm" c="dimmed">
        Change is measured from each questionnaire&apos;s baseline: the first complete answer recorded, unless
        a clinician chose another.
      </Text>
      {scored.length > 0 && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Use as baseline"
            placeholder="Choose an answer"
            data={scored.map((r) => ({ value: r.id, label: label(r) }))}
            value={responseId}
            onChange={setResponseId}
            w={300}
          />
          <TextInput
            label="Why"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            w={300}
            placeholder="e.g. The intake answers were given by phone"
          />
          <Button
            disabled={!chosen || reason.trim() === ''}
            loading={choose.isPending}
            onClick={() => {
              if (!chosen) return;
              choose.mutate(
                { instrument: chosen.instrument, responseId: chosen.id, reason, version },
                {
                  onSuccess: () => {
                    setResponseId(null);
                    setReason('');
                  },
                },
              );
            }}
          >
            Use as baseline
          </Button>
        </Group>
      )}
      {choose.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(choose.error)}
        </Alert>
      )}
      {history.data && history.data.changes.length > 0 && (
        <List size="sm" spacing={2} aria-label="Baseline changes">
          {history.data.changes.map((c) => {
            const r = byId.get(c.responseId);
            return (
              <List.Item key={c.id}>
                {formatDateTime(c.chosenAt)}: {c.chosenBy.name} chose {r ? label(r) : nameOf(c.instrument)} as
                the baseline — “{c.reason}”
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
