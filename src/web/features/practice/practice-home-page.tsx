import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlayerPlay } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { practiceKind } from '../../../shared/practice/library';
import type { PracticeAssignment } from '../../../shared/practice/schemas';
import { sharingWords } from '../../../shared/practice/sharing';
import { SoftBadge } from '../../components/badges';
import { formatDay } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { newClientId } from '../messaging/api';
import { usePracticeEntries, usePracticeOverview } from './api';
import { dueWords, frequencyWords } from './practice-words';

function AssignmentCard({ a }: { a: PracticeAssignment }) {
  const navigate = useNavigate();
  const kind = practiceKind(a.type);
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3">
            {kind.patientName}
          </Title>
          {a.overdue && <SoftBadge color="orange">Past its date</SoftBadge>}
        </Group>
        <Text size="sm">{a.type === 'free_form' ? a.instructions : kind.forPatient}</Text>
        {a.type !== 'free_form' && a.instructions !== '' && (
          <Text size="sm">
            <strong>From your therapist:</strong> {a.instructions}
          </Text>
        )}
        <Text size="sm" c="dark.4">
          {frequencyWords(a.frequency)} · {dueWords(a)}
          {a.lastDoneDay ? ` · last done ${formatDay(a.lastDoneDay)}` : ''}
        </Text>
        <Text size="sm" c="dark.4">
          New entries are shared with: {sharingWords[a.defaultSharing].label.toLowerCase()} (you can change
          it).
        </Text>
        {a.draftEntryId ? (
          <Button
            component={Link}
            to={`/home/practice/${a.id}/${a.draftEntryId}`}
            size="lg"
            leftSection={<IconPencil size={20} aria-hidden />}
          >
            Continue where you left off
          </Button>
        ) : (
          <Button
            size="lg"
            leftSection={<IconPlayerPlay size={20} aria-hidden />}
            onClick={() => void navigate(`/home/practice/${a.id}/${newClientId()}`)}
          >
            Start {kind.patientName.toLowerCase()}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** The patient's practice between sessions: /home/practice. */
export function PracticeHomePage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const overview = usePracticeOverview(patientId);
  const entries = usePracticeEntries(patientId);
  const location = useLocation();
  const justDone = (location.state as { done?: string } | null)?.done;
  const active = (overview.data?.assignments ?? []).filter((a) => a.status === 'active');
  const recent = (entries.data ?? [])
    .filter((e) => e.status === 'done')
    .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))
    .slice(0, 10);
  const assignmentOf = (id: string) => overview.data?.assignments.find((a) => a.id === id);

  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <div>
        <PageTitle>My practice</PageTitle>
        <Text c="dimmed">Skills to try between sessions. A few minutes at a time is enough.</Text>
      </div>
      {justDone && (
        <Alert color="green" title="Well done" role="status">
          Your {justDone.toLowerCase()} is saved.
        </Alert>
      )}
      {overview.isPending && <LoadingState label="Loading your practice…" />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && active.length === 0 && (
        <Text>Your therapist has not given you any practice right now.</Text>
      )}
      {active.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {active.map((a) => (
            <AssignmentCard key={a.id} a={a} />
          ))}
        </Stack>
      )}

      {recent.length > 0 && (
        <section aria-labelledby="recent-practice">
          <Title order={2} size="h3" id="recent-practice" mb="xs">
            What I have done
          </Title>
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {recent.map((e) => {
              const a = assignmentOf(e.assignmentId);
              return (
                <Card component="li" key={e.id} withBorder radius="md" padding="sm">
                  <Anchor component={Link} to={`/home/practice/${e.assignmentId}/${e.id}`} fw={700}>
                    {a ? practiceKind(a.type).patientName : 'Practice'} · {formatDay(e.day)}
                  </Anchor>
                  <Text size="sm" c="dark.4">
                    {sharingWords[e.sharing].label}
                    {e.comments.length > 0
                      ? ` · ${String(e.comments.length)} ${e.comments.length === 1 ? 'comment' : 'comments'} from your therapist`
                      : ''}
                  </Text>
                </Card>
              );
            })}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
