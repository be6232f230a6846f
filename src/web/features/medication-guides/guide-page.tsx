import { Alert, Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { guideByKey, medicationGuides, type MedicationGuide } from '../../../shared/medication-guides/guides';
import { useCurrentUser } from '../../app/session';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { guidePath } from './guide-link';

function Section({ id, title, items }: { id: string; title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <List spacing="xs" size="md">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </section>
  );
}

function Guide({ guide }: { guide: MedicationGuide }) {
  const user = useCurrentUser();
  const back = user.role === 'patient' ? '/home/side-effects' : '/medication-guides';
  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to={back} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {user.role === 'patient' ? 'Side effects' : 'All medication guides'}
      </Anchor>
      <div>
        <PageTitle documentTitle={`Guide: ${guide.title}`}>{guide.title}</PageTitle>
        {guide.examples.length > 0 && (
          <Text c="dimmed" size="sm">
            For example: {guide.examples.join(', ')}
          </Text>
        )}
      </div>
      <Text size="lg">{guide.summary}</Text>
      <Section id="expect" title="What to expect, and when" items={guide.whatToExpect} />
      <Section id="common" title="Common side effects" items={guide.commonSideEffects} />
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={<span id="urgent">Tell your prescriber the same day, or get help now</span>}
        aria-labelledby="urgent"
      >
        <List spacing="xs">
          {guide.reportAtOnce.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Alert>
      <Section id="stopping" title="Stopping or missing doses" items={guide.stopping} />
      {guide.boxedWarning.length > 0 && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="boxed">
          <Title order={2} size="h3" id="boxed" mb="xs">
            The strongest warning on the label, in plain words
          </Title>
          <Stack gap="xs">
            {guide.boxedWarning.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
          </Stack>
        </Card>
      )}
      {user.role === 'patient' && (
        <Text>
          Something bothering you?{' '}
          <Anchor component={Link} to="/home/side-effects/new">
            Tell your prescriber about a side effect
          </Anchor>
          .
        </Text>
      )}
      <section aria-labelledby="sources">
        <Title order={2} size="h4" id="sources" mb="xs">
          Sources
        </Title>
        <List size="sm" spacing={4}>
          {guide.sources.map((s) => (
            <List.Item key={s.label}>
              {s.url ? (
                <Anchor href={s.url} target="_blank" rel="noreferrer">
                  {s.label}
                </Anchor>
              ) : (
                s.label
              )}
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt="xs">
          Written by the Duet team from these sources. This is general information: your prescriber and
          pharmacist know your situation. Duet records what was prescribed; it does not send prescriptions to
          pharmacies.
        </Text>
      </section>
    </Stack>
  );
}

/** /home/medications/guide/:classKey (patient) and /medication-guides/:classKey (clinicians). */
export function GuidePage() {
  const { classKey = '' } = useParams();
  const guide = guideByKey(classKey);
  if (!guide) return <NotFoundPage />;
  return <Guide guide={guide} />;
}

/** Every guide, for clinicians to read or point a patient to. */
export function GuidesIndexPage() {
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Medication guides</PageTitle>
        <Text c="dimmed">Plain-language guides patients see for each class, with their sources.</Text>
      </div>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {medicationGuides.map((g) => (
          <li key={g.key}>
            <Card withBorder radius="md" padding="md" h="100%">
              <Anchor component={Link} to={guidePath(user.role, g.key)} fw={700}>
                {g.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {g.examples.length > 0 ? g.examples.join(', ') : 'Any medication'}
              </Text>
            </Card>
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
