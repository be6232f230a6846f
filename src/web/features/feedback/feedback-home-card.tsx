import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconMessageHeart } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSessionFeedback, useTreatmentRatings } from './api';
import { sessionDate } from './feedback-words';

/**
 * The patient's home (issue 6): "How was your session on …?" for the latest attended session whose form is
 * open, or, when none is waiting, the four-weekly "What is helping you?" when it is due. Nothing otherwise.
 */
export function FeedbackHomeCard({ patientId }: { patientId: string }) {
  const sessions = useSessionFeedback(patientId);
  const ratings = useTreatmentRatings(patientId);
  const waiting = sessions.data?.awaiting[0];
  const ratingsDue = ratings.data?.due.isDue === true;
  if (!waiting && !ratingsDue) return null;

  const title = waiting
    ? `How was your session on ${sessionDate(waiting.sessionDay)}?`
    : 'What is helping you?';
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="feedback-card-heading"
      bg="blue.0"
      style={{ borderColor: 'var(--mantine-color-blue-3)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="feedback-card-heading">
          <IconMessageHeart size={22} aria-hidden style={{ verticalAlign: 'text-bottom' }} /> {title}
        </Title>
        <Text size="sm">
          {waiting
            ? 'Two minutes, five questions: what helped, what did not, and what you would change.'
            : 'Once every four weeks: how much each part of your treatment is helping.'}
        </Text>
        <Button
          component={Link}
          to={waiting ? `/home/feedback/${waiting.appointmentId}` : '/home/treatment-ratings'}
          size="md"
          className="duet-maw-sm-280"
        >
          {waiting ? 'Give feedback' : 'Rate my treatment'}
        </Button>
      </Stack>
    </Card>
  );
}
