import { Anchor, Avatar, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconChevronRight,
  IconClipboardHeart,
  IconEye,
  IconLifebuoy,
  IconMessagePlus,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { lazyPart, usePartsShownAfterRead } from '../../app/lazy-page';
import { useCurrentUser } from '../../app/session';
import { CardPlaceholder } from '../../components/card-placeholder';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useConversations } from '../messaging/api';
import { doseKeys } from '../doses/api';
import { TodayDosesCard } from '../doses/today-card';
import { usePatient } from '../patients/api';
import { TEAM_ROLES } from '../patients/care-team-picker';
import { ROLE_FOR_PATIENT } from './role-words';

// Issue 17 ("Fast"): Today's medicines comes with the page; the cards below it load in their own chunks.
// The two cards that always show hold their place while their code arrives (issue 17: no links moving).
const DUE_PLACEHOLDER = (
  <CardPlaceholder title="Questionnaires due" loading="Checking your questionnaires…" />
);
const UPCOMING_PLACEHOLDER = (
  <CardPlaceholder title="Your next appointment" loading="Checking your appointments…" />
);
const DueMeasuresCard = lazyPart(
  () => import('../measures/due-card').then((m) => m.DueMeasuresCard),
  DUE_PLACEHOLDER,
);
const UpcomingAppointmentsCard = lazyPart(
  () => import('../appointments/upcoming-card').then((m) => m.UpcomingAppointmentsCard),
  UPCOMING_PLACEHOLDER,
);
const SideEffectsHomeCard = lazyPart(() =>
  import('../side-effects/home-card').then((m) => m.SideEffectsHomeCard),
);
const AllergiesHomeCard = lazyPart(() => import('../allergies/home-card').then((m) => m.AllergiesHomeCard));
const AgendaCard = lazyPart(() => import('../visits/agenda-card').then((m) => m.AgendaCard));
const GoodNewsCard = lazyPart(() => import('../measures/good-news-card').then((m) => m.GoodNewsCard));
const PracticeHomeCard = lazyPart(() =>
  import('../practice/practice-home-card').then((m) => m.PracticeHomeCard),
);
const FeedbackHomeCard = lazyPart(() =>
  import('../feedback/feedback-home-card').then((m) => m.FeedbackHomeCard),
);

// In the page's order: they render one at a time, top to bottom (usePartsShownAfterRead).
const CARDS_BELOW = [
  GoodNewsCard,
  DueMeasuresCard,
  PracticeHomeCard,
  FeedbackHomeCard,
  UpcomingAppointmentsCard,
  AgendaCard,
  SideEffectsHomeCard,
  AllergiesHomeCard,
];

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const user = useCurrentUser();
  const patient = usePatient(user.patientId ?? '');
  const conversations = useConversations(user.patientId ?? '');
  const unread = (conversations.data ?? []).reduce((sum, c) => sum + c.unreadCount, 0);
  const firstName = patient.data?.givenName ?? user.name.split(' ')[0] ?? user.name;
  // Issue 17 ("Fast"): the cards below "Today's medicines" render once the doses have shown (their chunks load
  // meanwhile), so the doses do not wait behind eight cards' renders on a slow phone, and then one at a time;
  // the two cards that always show hold their place until then.
  const cardsShown = usePartsShownAfterRead(
    user.patientId ? doseKeys.today(user.patientId) : null,
    CARDS_BELOW.length,
  );
  useEffect(() => {
    for (const card of CARDS_BELOW) card.preload();
  }, []);
  // The patient's id for each card that may render now (CARDS_BELOW's order), else null.
  const [goodNewsId, dueId, practiceId, feedbackId, upcomingId, agendaId, sideEffectsId, allergiesId] =
    CARDS_BELOW.map((_, index) => (cardsShown > index ? user.patientId : null));

  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle="Home">{`${greeting(new Date().getHours())}, ${firstName}`}</PageTitle>
        <Text c="dimmed">Welcome to Duet at {user.clinicName}.</Text>
      </div>

      {user.patientId && <TodayDosesCard patientId={user.patientId} />}

      <div className="duet-grid-sm-2">
        <Button
          component={Link}
          to="/home/safety-plan"
          color="red.8"
          size="lg"
          leftSection={<IconLifebuoy size={22} aria-hidden />}
        >
          My safety plan
        </Button>
        <Button
          component={Link}
          to="/home/plan"
          variant="default"
          size="lg"
          leftSection={<IconClipboardHeart size={22} aria-hidden />}
        >
          My treatment plan
        </Button>
        <Button component={Link} to="/home/progress" variant="default" size="lg">
          My progress
        </Button>
        <Button component={Link} to="/home/my-record" variant="default" size="lg">
          My record
        </Button>
      </div>

      {goodNewsId && <GoodNewsCard patientId={goodNewsId} />}

      {dueId ? <DueMeasuresCard patientId={dueId} /> : user.patientId && DUE_PLACEHOLDER}

      {practiceId && <PracticeHomeCard patientId={practiceId} />}

      {feedbackId && <FeedbackHomeCard patientId={feedbackId} />}

      {upcomingId ? (
        <UpcomingAppointmentsCard patientId={upcomingId} />
      ) : (
        user.patientId && UPCOMING_PLACEHOLDER
      )}

      {agendaId && <AgendaCard patientId={agendaId} />}

      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="messages-heading">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h3" id="messages-heading">
              Questions for your team?
            </Title>
            <Text size="sm" c="dimmed">
              {unread > 0
                ? `You have ${String(unread)} new ${unread === 1 ? 'message' : 'messages'}.`
                : 'Send a message; your care team answers during working hours.'}
            </Text>
          </div>
          <Group gap="sm" wrap="wrap" style={{ flex: '1 1 auto' }} justify="flex-end">
            <Button
              component={Link}
              to="/home/messages/new"
              leftSection={<IconMessagePlus size={18} aria-hidden />}
              style={{ flex: '1 1 auto' }}
              className="duet-maw-sm-260"
            >
              Ask your care team
            </Button>
            <Button
              component={Link}
              to="/home/messages"
              variant="default"
              style={{ flex: '1 1 auto' }}
              className="duet-maw-sm-200"
            >
              My messages{unread > 0 ? ` (${String(unread)} new)` : ''}
            </Button>
          </Group>
        </Group>
      </Card>

      {sideEffectsId && <SideEffectsHomeCard patientId={sideEffectsId} />}

      {allergiesId && <AllergiesHomeCard patientId={allergiesId} />}

      <section aria-labelledby="team-heading">
        <Title order={2} size="h3" id="team-heading" mb="sm">
          Your care team
        </Title>
        {patient.isPending && <LoadingState label="Loading your care team…" />}
        {patient.isError && <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />}
        {patient.data && (
          <ul className="duet-grid-sm-2" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...patient.data.careTeam]
              .sort((a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role))
              .map((member) => (
                <Card
                  component="li"
                  key={`${member.userId}-${member.role}`}
                  withBorder
                  radius="md"
                  padding="md"
                >
                  <Group gap="md" wrap="nowrap" align="flex-start">
                    <Avatar color="blue" radius="xl" size="lg" aria-hidden>
                      {initials(member.name)}
                    </Avatar>
                    <Stack gap={2}>
                      <Text size="sm" c="dimmed" fw={600}>
                        {ROLE_FOR_PATIENT[member.role].title}
                      </Text>
                      <Text fw={700} size="lg">
                        {member.name}
                      </Text>
                      <Text size="sm">{ROLE_FOR_PATIENT[member.role].explains}</Text>
                    </Stack>
                  </Group>
                </Card>
              ))}
          </ul>
        )}
      </section>

      <Card withBorder radius="md" padding="md" component="section" aria-label="Your privacy">
        <Anchor component={Link} to="/home/access" underline="never">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <IconEye size={22} aria-hidden />
              <div>
                <Text fw={600}>Who has seen my record</Text>
                <Text size="sm" c="dimmed">
                  Every time someone opens or changes your record, it is listed here.
                </Text>
              </div>
            </Group>
            <IconChevronRight size={20} aria-hidden />
          </Group>
        </Anchor>
      </Card>
    </Stack>
  );
}
