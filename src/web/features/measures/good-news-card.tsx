import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlant2 } from '@tabler/icons-react';
import type { MeasureResponse } from '../../../shared/measures/api';
import { useMeasureResponses } from './api';

type GoodNewsKind = 'remission' | 'response';

/** What the questionnaire asks about, in the patient's words (no scale names or numbers). */
const ABOUT: Record<string, string> = {
  phq9: 'low mood',
  gad7: 'worry and anxiety',
};

/**
 * The latest complete answer of each questionnaire and what the server read in it against the baseline.
 * The rules (remission, response) are the server's: this only reads `interpretation`.
 */
function goodNewsOf(responses: readonly MeasureResponse[]): { instrument: string; kind: GoodNewsKind }[] {
  const latest = new Map<string, MeasureResponse>();
  for (const r of responses) {
    if (r.total === null) continue;
    const seen = latest.get(r.instrument);
    if (!seen || r.answeredAt > seen.answeredAt) latest.set(r.instrument, r);
  }
  // Issue 12: never good news on the day of an answer about self-harm (PHQ-9 item 9 above 0), nor after one.
  const selfHarm = responses.filter((r) => (r.item9 ?? 0) > 0);
  const news: { instrument: string; kind: GoodNewsKind }[] = [];
  for (const instrument of ['phq9', 'gad7']) {
    const r = latest.get(instrument);
    // Good news is a change since they started, so never on the first (baseline) answer.
    if (!r || r.interpretation.isBaseline) continue;
    if (selfHarm.some((h) => h.answeredDay === r.answeredDay || h.answeredAt > r.answeredAt)) continue;
    if (r.interpretation.remission) news.push({ instrument, kind: 'remission' });
    else if (r.interpretation.response) news.push({ instrument, kind: 'response' });
  }
  return news;
}

function words(instrument: string, kind: GoodNewsKind): string {
  const about = ABOUT[instrument] ?? 'how you have been feeling';
  return kind === 'remission'
    ? `Your answers about ${about} suggest your symptoms are now low. Well done for keeping going.`
    : `Your answers about ${about} show your symptoms have fallen by half or more since you started. That is real progress.`;
}

/**
 * The patient's home: a warm note when their latest questionnaire shows remission or response against
 * their baseline (issue 5). Shows nothing otherwise, and nothing while loading or on error.
 */
export function GoodNewsCard({ patientId }: { patientId: string }) {
  const responses = useMeasureResponses(patientId);
  const news = responses.data ? goodNewsOf(responses.data) : [];
  if (news.length === 0) return null;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="good-news-heading"
      bg="teal.0"
      style={{ borderColor: 'var(--mantine-color-teal-3)' }}
      data-testid="good-news"
    >
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="teal.8" variant="filled" size="lg" radius="xl" aria-hidden>
            <IconPlant2 size={20} />
          </ThemeIcon>
          <Title order={2} size="h3" id="good-news-heading">
            Good news
          </Title>
        </Group>
        {news.map((n) => (
          <Text key={n.instrument}>{words(n.instrument, n.kind)}</Text>
        ))}
        <Text size="sm" c="gray.8">
          Keep taking part in your treatment as planned, and talk to your care team before changing anything,
          including your medicines.
        </Text>
      </Stack>
    </Card>
  );
}
