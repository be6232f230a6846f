import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Textarea } from '../../components/limited-text';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TeamSummary, TeamSummaryKind } from '../../../shared/notes/schemas';
import { formatDateTime } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useTeamSummaries, useTeamSummaryHistory, useWriteTeamSummary } from './api';
import { ShowingLatest } from '../../components/showing-latest';

const titles: Record<TeamSummaryKind, string> = {
  therapy: 'Therapy: what we are working on',
  medication: 'Medication: where things stand',
};
const keeper: Record<TeamSummaryKind, string> = { therapy: 'the therapist', medication: 'the prescriber' };

function History({ patientId, kind }: { patientId: string; kind: TeamSummaryKind }) {
  const history = useTeamSummaryHistory(patientId, kind, true);
  if (history.isPending) return <LoadingState label="Loading earlier versions…" />;
  if (history.isError) return <ErrorState error={history.error} />;
  return (
    <>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {history.data.versions.slice(1).map((v) => (
          <li key={v.version}>
            <Text size="xs" c="dimmed">
              Version {v.version} · {v.writtenBy.name} · {formatDateTime(v.writtenAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {v.text}
            </Text>
          </li>
        ))}
      </Stack>
      <ShowingLatest shown={history.data.versions.length} hasMore={history.data.hasMore} what="versions" />
    </>
  );
}

function SummaryBlock({
  patientId,
  kind,
  summary,
  canEdit,
}: {
  patientId: string;
  kind: TeamSummaryKind;
  summary: TeamSummary | null;
  canEdit: boolean;
}) {
  const write = useWriteTeamSummary(patientId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const headingId = `summary-${kind}`;
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {titles[kind]}
        </Title>
        {canEdit && !editing && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setText(summary?.text ?? '');
              setEditing(true);
            }}
          >
            {summary ? 'Update' : 'Write'}
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() === '') return;
            write.mutate(
              { kind, text: text.trim(), baseVersion: summary?.version ?? 0 },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={titles[kind]}
              description="A short current statement for the rest of the team: focus, progress, concerns."
              autosize
              minRows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {write.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(write.error)}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button size="xs" type="submit" loading={write.isPending} disabled={text.trim() === ''}>
                Save summary
              </Button>
            </Group>
          </Stack>
        </form>
      ) : summary ? (
        <>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {summary.text}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {summary.writtenBy.name} · {formatDateTime(summary.writtenAt)}
            </Text>
            {summary.version > 1 && (
              <Anchor component="button" type="button" size="xs" onClick={() => setShowHistory((s) => !s)}>
                {showHistory ? 'Hide earlier versions' : 'Earlier versions'}
              </Anchor>
            )}
          </Group>
          {showHistory && <History patientId={patientId} kind={kind} />}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing written yet by {keeper[kind]}.
        </Text>
      )}
    </Stack>
  );
}

/**
 * On the clinician's patient page: the therapist's summary of therapy and the prescriber's summary of
 * medication side by side, so each sees what the other is working on. Each edits only their own.
 */
export function TeamSummariesCard({ patientId }: { patientId: string }) {
  const summaries = useTeamSummaries(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="team-summaries-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="team-summaries-heading">
          Team summaries
        </Title>
        <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}/notes`} size="sm">
          Session notes
        </Anchor>
      </Group>
      {summaries.isPending && <LoadingState />}
      {summaries.isError && <ErrorState error={summaries.error} onRetry={() => void summaries.refetch()} />}
      {summaries.data && (
        <Stack gap="md">
          {(['therapy', 'medication'] as const).map((kind) => (
            <SummaryBlock
              key={kind}
              patientId={patientId}
              kind={kind}
              summary={summaries.data[kind]}
              canEdit={summaries.data.canEdit[kind]}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
