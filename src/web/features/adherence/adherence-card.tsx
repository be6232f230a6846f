import { Group, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AdherenceSummary } from '../../../shared/adherence/api';
import { SoftBadge } from '../../components/badges';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useAdherence } from './api';
import { PatternHeatmap, RatesChart } from './adherence-charts';
import { rateWords, TIME_OF_DAY_LABELS, WEEKDAY_NAMES } from './adherence-words';

/**
 * The clinicians' adherence card (prescriber's medications page; therapist through the patient page):
 * doses taken of doses scheduled per medication and overall over 7/30/90 days, missed-dose streaks, and
 * when doses are missed (weekday × time of day). Charts carry a hidden table for screen readers.
 */
export function AdherenceCard({ patientId }: { patientId: string }) {
  const adherence = useAdherence(patientId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="adherence-card-heading">
      <Title order={2} size="h4" id="adherence-card-heading" mb={4}>
        Adherence
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Doses logged as taken / doses scheduled, as the patient reported them (not pharmacy fills). A dose
        counts once its day has ended or it is logged; as-needed doses are not counted. The clinic&apos;s line
        is {adherence.data ? `${String(adherence.data.thresholdPercent)}%` : '80%'}, dashed red in the chart.
      </Text>
      {adherence.isPending && <LoadingState label="Loading adherence…" />}
      {adherence.isError && <ErrorState error={adherence.error} onRetry={() => void adherence.refetch()} />}
      {adherence.data && <AdherenceDetails summary={adherence.data} />}
    </Paper>
  );
}

function AdherenceDetails({ summary }: { summary: AdherenceSummary }) {
  if (summary.medications.length === 0)
    return <Text size="sm">No scheduled doses in the last 90 days, so there is nothing to measure yet.</Text>;
  const t = summary.thresholdPercent;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 3 }} spacing="xs">
        {summary.overall.map((w) => (
          <Paper key={w.days} withBorder radius="sm" p="xs" ta="center">
            <Text size="xs" c="dimmed">
              Last {w.days} days
            </Text>
            <Text fw={700} size="xl" c={w.percent !== null && w.percent < t ? 'red.8' : undefined}>
              {w.percent === null ? '–' : `${String(w.percent)}%`}
            </Text>
            <Text size="xs">
              {w.taken} of {w.scheduled} doses
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <RatesChart summary={summary} />
      <VisuallyHidden>
        <Table>
          <caption>Doses taken of doses scheduled</caption>
          <thead>
            <tr>
              <th scope="col">Medication</th>
              {summary.overall.map((w) => (
                <th scope="col" key={w.days}>
                  Last {w.days} days
                </th>
              ))}
              <th scope="col">Last {summary.alertWindow.days} days</th>
              <th scope="col">Missed in a row now</th>
              <th scope="col">Longest run missed</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">All medications</th>
              {summary.overall.map((w) => (
                <td key={w.days}>{rateWords(w)}</td>
              ))}
              <td>{rateWords(summary.alertWindow)}</td>
              <td />
              <td />
            </tr>
            {summary.medications.map((m) => (
              <tr key={m.medicationId}>
                <th scope="row">{m.name}</th>
                {m.windows.map((w) => (
                  <td key={w.days}>{rateWords(w)}</td>
                ))}
                <td>{rateWords(m.alertWindow)}</td>
                <td>{m.streaks.current}</td>
                <td>{m.streaks.longest}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>

      <Stack gap={4}>
        <Title order={3} size="h5">
          Each medication on its own
        </Title>
        {summary.medications.map((m) => (
          <Group key={m.medicationId} gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {m.name}
            </Text>
            <Text
              size="sm"
              c={isBelow(m.alertWindow, t) ? 'red.8' : undefined}
              fw={isBelow(m.alertWindow, t) ? 700 : undefined}
            >
              last {m.alertWindow.days} days: {rateWords(m.alertWindow)}
            </Text>
            {!m.current && (
              <SoftBadge size="sm" color="gray">
                ended
              </SoftBadge>
            )}
            <SoftBadge
              size="sm"
              color={
                m.streaks.current >= summary.missedDosesInARow
                  ? 'red'
                  : m.streaks.current > 0
                    ? 'yellow'
                    : 'teal'
              }
            >
              {m.streaks.current === 0
                ? 'no current gap'
                : `${String(m.streaks.current)} missed in a row now`}
            </SoftBadge>
            <Text size="sm" c="dimmed">
              longest run missed: {m.streaks.longest} · {recentWords(m.windows)}
            </Text>
          </Group>
        ))}
      </Stack>

      <Stack gap={4}>
        <Title order={3} size="h5">
          When doses are missed (last {summary.pattern.days} days)
        </Title>
        <PatternHeatmap summary={summary} />
        <VisuallyHidden>
          <Table>
            <caption>Doses taken by weekday and time of day</caption>
            <thead>
              <tr>
                <th scope="col">Weekday</th>
                {summary.pattern.byTimeOfDay.map((c) => (
                  <th scope="col" key={c.timeOfDay}>
                    {TIME_OF_DAY_LABELS[c.timeOfDay]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.pattern.byWeekday.map((w) => (
                <tr key={w.weekday}>
                  <th scope="row">{WEEKDAY_NAMES[w.weekday - 1]}</th>
                  {summary.pattern.byTimeOfDay.map((c) => {
                    const cell = summary.pattern.cells.find(
                      (x) => x.weekday === w.weekday && x.timeOfDay === c.timeOfDay,
                    );
                    return <td key={c.timeOfDay}>{cell ? rateWords(cell) : 'none scheduled'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
      <Text size="xs" c="dimmed">
        Below {t}% over {summary.alertWindow.days} days, overall or for any one medication, alerts the
        prescriber and the therapist; {summary.missedDosesInARow} scheduled doses of one medication missed in
        a row alert the prescriber, as do lithium, clozapine or a mood stabiliser not taken for{' '}
        {summary.criticalMedicationGapDays} days and as-needed doses above the daily maximum.
      </Text>
    </Stack>
  );
}

/** Below the clinic's line (a medication with nothing counted in the window is not below it). */
function isBelow(w: { percent: number | null }, threshold: number): boolean {
  return w.percent !== null && w.percent < threshold;
}

/** The latest window with doses: "30 days: 92% (26 of 28)" (a medication ended 2 months ago shows 90 days). */
function recentWords(windows: AdherenceSummary['overall']): string {
  const w = windows.find((x) => x.days === 30 && x.scheduled > 0) ?? windows.find((x) => x.scheduled > 0);
  return w ? `${String(w.days)} days: ${rateWords(w)}` : 'no doses counted yet';
}

/**
 * One line for the clinician patient page (prescriber and therapist both see it): the last 14/30 days and
 * any current run of missed doses, linking to the medications page with the full card.
 */
export function AdherenceLine({ summary }: { summary: AdherenceSummary }) {
  const month = summary.overall.find((w) => w.days === 30);
  const streak = summary.medications.reduce((max, m) => Math.max(max, m.streaks.current), 0);
  const low = summary.alertWindow.percent !== null && summary.alertWindow.percent < summary.thresholdPercent;
  return (
    <Text size="sm">
      Last {summary.alertWindow.days} days:{' '}
      <Text span c={low ? 'red.8' : undefined} fw={low ? 700 : undefined}>
        {rateWords(summary.alertWindow)}
      </Text>
      {month ? ` · 30 days: ${rateWords(month)}` : ''}
      {streak > 0 ? ` · ${String(streak)} missed in a row now` : ''}
    </Text>
  );
}
