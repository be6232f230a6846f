import { Alert, Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { guideByKey, medicationGuides, type MedicationGuide } from '../../../shared/medication-guides/guides';
import { urgentSignsFor, type UrgentSign } from '../../../shared/medication-guides/urgent-signs';
import { useCurrentUser } from '../../app/session';
import { CrisisResources } from '../../components/crisis-resources';
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

/** One urgent symptom row of medication-safety.md section 4, in plain words, with its source. */
function Sign({ sign }: { sign: UrgentSign }) {
  return (
    <List.Item>
      <Text fw={700}>
        {sign.onlyFor ? `${sign.onlyFor}: ` : ''}
        {sign.symptoms.join('; ')}
        {sign.youngOrEarly ? ' (under 25, or in the first weeks after a start or a dose change)' : ''}
      </Text>
      <Text>{sign.advice}</Text>
      {sign.emergencyWhen.length > 0 && (
        <Text fw={600}>Call your emergency number now for: {sign.emergencyWhen.join('; ')}.</Text>
      )}
      <Text size="sm">{sign.why}</Text>
      <Text size="xs" c="dimmed">
        Source: {sign.source.label}
      </Text>
    </List.Item>
  );
}

/** The patient's own country's numbers; clinicians read where they appear. */
function Numbers({ situation }: { situation: 'physical_emergency' | 'self_harm' }) {
  const user = useCurrentUser();
  if (user.role === 'patient' && user.patientId)
    return (
      // On white inside the coloured alert, so the resource buttons keep their contrast.
      <div style={{ background: 'var(--mantine-color-white)', borderRadius: 8, padding: 12 }}>
        <CrisisResources patientId={user.patientId} situation={situation} />
      </div>
    );
  return (
    <Text size="sm" c="dimmed">
      Patients see their own country’s emergency and crisis numbers here.
    </Text>
  );
}

function Guide({ guide }: { guide: MedicationGuide }) {
  const user = useCurrentUser();
  const back = user.role === 'patient' ? '/home/side-effects' : '/medication-guides';
  const signs = urgentSignsFor(guide.examples);
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
        title={<span id="urgent">Get help the same day, or at once</span>}
        aria-labelledby="urgent"
      >
        <Stack gap="sm">
          <List spacing="sm" data-testid="guide-urgent-signs">
            {signs.map((sign) => (
              <Sign key={sign.rowId} sign={sign} />
            ))}
            {guide.reportAtOnce.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          <Numbers situation="physical_emergency" />
        </Stack>
      </Alert>
      {guide.earlyWatch.length > 0 && (
        <section aria-labelledby="watch">
          <Title order={2} size="h3" id="watch" mb="xs">
            What to watch for in the first weeks
          </Title>
          <Stack gap="sm">
            <List spacing="xs" size="md">
              {guide.earlyWatch.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
            <Numbers situation="self_harm" />
          </Stack>
        </section>
      )}
      <Section id="stopping" title="Stopping or missing doses" items={guide.stopping} />
      {guide.boxedWarning.length > 0 && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="boxed">
          <Title order={2} size="h3" id="boxed" mb="xs">
            The strongest warning on the label, in plain words
          </Title>
          <Stack gap="xs">
            {guide.boxedWarning.map((b) => (
              <div key={b.text}>
                <Text>{b.text}</Text>
                <Text size="xs" c="dimmed">
                  Source: {b.source.label}
                </Text>
              </div>
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
