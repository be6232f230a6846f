import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useInstruments, useMeasureResponses } from './api';
import { changeWords, interpretationWords } from './measure-words';
import { scoredSeries } from './score-chart';

/** The patient overview's "Symptoms" card: latest PHQ-9 and GAD-7 with change, and a link to the charts. */
export function SymptomsCard({ patientId }: { patientId: string }) {
  const instruments = useInstruments();
  const responses = useMeasureResponses(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="symptoms-card-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="symptoms-card-heading">
          Symptoms
        </Title>
        <Button component={Link} to={`/patients/${patientId}/measures`} size="xs" variant="light">
          Charts and responses
        </Button>
      </Group>
      {(instruments.isPending || responses.isPending) && <LoadingState />}
      {responses.isError && <ErrorState error={responses.error} onRetry={() => void responses.refetch()} />}
      {instruments.data && responses.data && (
        <Stack gap={6}>
          {instruments.data.map((instrument) => {
            const latest = scoredSeries(instrument, responses.data).at(-1);
            if (!latest) {
              return (
                <Text size="sm" key={instrument.id}>
                  <strong>{instrument.name}</strong>: not answered yet
                </Text>
              );
            }
            const change = latest.interpretation.isBaseline ? 'baseline' : changeWords(latest);
            const words = interpretationWords(latest);
            return (
              <Text size="sm" key={instrument.id}>
                <strong>{instrument.name}</strong> {latest.total} ({latest.severity?.label ?? 'no band'}) on{' '}
                {formatDay(latest.answeredDay)}
                {change ? ` · ${change}` : ''}
                {words.length > 0 ? ` · ${words.join(', ')}` : ''}
              </Text>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
