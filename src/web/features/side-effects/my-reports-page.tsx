import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { SoftBadge } from '../../components/badges';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { GuideLink } from '../medication-guides/guide-link';
import { useSideEffectReports, useSideEffectReportsCut } from './api';
import { SIDE_EFFECT_REPORTS_MAX } from '../../../shared/lists/limits';
import { AnswerList, ReportFacts } from './report-summary';
import { answerKindForPatient } from './words';

/** /home/side-effects: the patient's own reports and what their prescriber did about each. */
export function MySideEffectReportsPage() {
  const user = useCurrentUser();
  const reports = useSideEffectReports(user.patientId ?? '');
  const cut = useSideEffectReportsCut(user.patientId ?? '');
  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <div>
        <PageTitle documentTitle="Side effects">My side-effect reports</PageTitle>
        <Text c="dimmed">What you told your prescriber, and their answers.</Text>
      </div>
      <Button
        component={Link}
        to="/home/side-effects/new"
        size="lg"
        leftSection={<IconPlus size={20} aria-hidden />}
      >
        Report a side effect
      </Button>
      {reports.isPending && <LoadingState label="Loading your reports…" />}
      {reports.isError && <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />}
      {cut && (
        <Text size="sm" c="dimmed">
          Showing your latest {SIDE_EFFECT_REPORTS_MAX} reports; older ones are not listed here.
        </Text>
      )}
      {reports.data?.length === 0 && <Text>You have not reported any side effects yet.</Text>}
      {reports.data && reports.data.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reports.data.map((r) => (
            <Card key={r.id} component="li" withBorder radius="md" padding="md">
              <Stack gap="sm">
                <ReportFacts report={r} />
                <Group gap="xs">
                  {r.state === 'open' ? (
                    <SoftBadge color="yellow">Waiting for your prescriber</SoftBadge>
                  ) : (
                    <SoftBadge color="green">Answered</SoftBadge>
                  )}
                </Group>
                <AnswerList
                  report={r}
                  words={answerKindForPatient}
                  conversationPath={(id) => `/home/messages/${id}`}
                />
                {r.medication && <GuideLink guideKey={r.medication.guideKey} size="sm" />}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <section aria-labelledby="guides-heading">
        <Title order={2} size="h4" id="guides-heading" mb={4}>
          Good to know
        </Title>
        <Text size="sm">
          Many side effects are strongest in the first weeks and then ease. For most medicines, stopping
          suddenly can make you feel worse, so talk to your prescriber first. Some warning signs are
          different: when Duet&apos;s advice or your medicine&apos;s guide says not to take your next dose
          (for example a rash on lamotrigine), follow that advice and contact your prescriber the same day.
        </Text>
      </section>
    </Stack>
  );
}
