// "My progress" (issue 14): the patient's own scores, medicines and practice over time in plain words,
// made for a phone. The sentences come from the server (shared/timeline/progress-words.ts); no chart
// library is loaded here.
import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDay } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useProgress } from './api';

const NAMES = { phq9: 'PHQ-9 (mood)', gad7: 'GAD-7 (worry)' } as const;

export function MyProgressPage() {
  const progress = useProgress();
  const data = progress.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <PageTitle>My progress</PageTitle>
      {progress.isPending ? <LoadingState label="Loading your progress…" /> : null}
      {progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : null}
      {data ? (
        <>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="so-far-heading">
            <Title order={2} size="h3" id="so-far-heading">
              So far
            </Title>
            {data.hasMore ? (
              <Text size="sm" c="dimmed">
                Showing the latest ten years, from {formatDay(data.from)}; earlier care is not shown.
              </Text>
            ) : null}
            {data.sentences.length === 0 ? (
              <Text>When you answer your first questionnaire, your progress shows here.</Text>
            ) : (
              <Stack gap="xs" mt="xs">
                {data.sentences.map((s) => (
                  <Text key={s} size="lg">
                    {s}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>

          {data.scores.length > 0 ? (
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="scores-heading">
              <Title order={2} size="h3" id="scores-heading">
                My scores
              </Title>
              <Text size="sm" c="dimmed">
                Lower scores mean fewer symptoms.
              </Text>
              <Table fz="md" mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Day</Table.Th>
                    <Table.Th scope="col">Questionnaire</Table.Th>
                    <Table.Th scope="col">Score</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.scores].reverse().map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{formatDay(s.day)}</Table.Td>
                      <Table.Td>{NAMES[s.instrument]}</Table.Td>
                      <Table.Td>{s.total ?? 'not all answered'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ) : null}

          {data.medications.length > 0 ? (
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="medicines-heading">
              <Title order={2} size="h3" id="medicines-heading">
                My medicines
              </Title>
              <List spacing="xs" mt="xs">
                {data.medications.map((m) => (
                  <List.Item key={m.id}>
                    <Text fw={600}>{m.name}</Text>
                    <Text size="sm">
                      Started {formatDay(m.startDate)}
                      {m.endDate ? `, stopped ${formatDay(m.endDate)}` : ''}.
                    </Text>
                    {m.periods.map((p) => (
                      <Text size="sm" key={p.from}>
                        {p.paused ? 'Paused' : `${String(p.doseAmount)} ${p.doseUnit}`} from{' '}
                        {formatDay(p.from)}
                        {p.to ? ` to ${formatDay(p.to)}` : ''}
                      </Text>
                    ))}
                  </List.Item>
                ))}
              </List>
            </Card>
          ) : null}

          {data.practice.length > 0 ? (
            <Card withBorder radius="md" padding="md" component="section" aria-labelledby="practice-heading">
              <Title order={2} size="h3" id="practice-heading">
                My practice
              </Title>
              <Text>
                You finished {data.practice.length} {data.practice.length === 1 ? 'exercise' : 'exercises'}{' '}
                between {formatDay(data.from)} and {formatDay(data.to)}.
              </Text>
              <List spacing={4} mt="xs">
                {Object.entries(
                  data.practice.reduce<Record<string, number>>(
                    (acc, p) => ({ ...acc, [p.label]: (acc[p.label] ?? 0) + 1 }),
                    {},
                  ),
                ).map(([label, count]) => (
                  <List.Item key={label}>
                    {label}: {count}
                  </List.Item>
                ))}
              </List>
            </Card>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
