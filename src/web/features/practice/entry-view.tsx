import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { entryRisk, riskReasonWords } from '../../../shared/practice/risk';
import { iptAreaNames } from '../../../shared/practice/library';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { ScrollTable } from '../../components/scroll-table';
import { plannedVersusDone } from './activity-log-form';

const rated = (n: number | null, max: number) => (n === null ? '—' : `${String(n)}/${String(max)}`);

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dark.4" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children === '' ? '—' : children}
      </Text>
    </div>
  );
}

/** A completed entry, read-only: for the patient looking back and for the team reviewing. */
export function EntryView({ entry }: { entry: PracticeEntry }) {
  // Issue 12: what made an entry a self-harm risk is said first, in words (shared/practice/risk.ts).
  const risk = entryRisk(entry.type, entry.content);
  if (risk.length === 0) return <EntryContentView entry={entry} />;
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" title="Self-harm risk" data-testid="entry-risk">
        Shared with the care team as a self-harm risk: {risk.map((r) => riskReasonWords[r]).join('; ')}.
      </Alert>
      <EntryContentView entry={entry} />
    </Stack>
  );
}

function EntryContentView({ entry }: { entry: PracticeEntry }) {
  switch (entry.type) {
    case 'thought_record': {
      const c = entry.content;
      return (
        <Stack gap="xs">
          <Field label="Situation">{c.situation}</Field>
          <Field label="Moods (then → after)">
            {c.moods
              .map((m) => `${m.name} ${rated(m.intensity, 100)} → ${rated(m.rerated, 100)}`)
              .join(' · ')}
          </Field>
          <div>
            <Text size="xs" fw={700} c="dark.4" tt="uppercase">
              Automatic thoughts
            </Text>
            <List size="sm">
              {c.thoughts.map((t, i) => (
                <List.Item key={i}>
                  {t.hot && <strong>Hot thought: </strong>}
                  {t.text} (believed {rated(t.belief, 100)})
                </List.Item>
              ))}
            </List>
          </div>
          <Field label="Evidence for">{c.evidenceFor}</Field>
          <Field label="Evidence against">{c.evidenceAgainst}</Field>
          <Field label="Balanced thought">
            {c.balancedThought} (believed {rated(c.balancedBelief, 100)})
          </Field>
          <Field label="Belief in the hot thought afterwards">{rated(c.hotThoughtBeliefAfter, 100)}</Field>
        </Stack>
      );
    }
    case 'behavioural_activation': {
      const c = entry.content;
      const s = plannedVersusDone(c);
      return (
        <Stack gap="xs">
          <ScrollTable label="Activity log">
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Planned</Table.Th>
                  <Table.Th scope="col">Did</Table.Th>
                  <Table.Th scope="col">Mood</Table.Th>
                  <Table.Th scope="col">Mastery</Table.Th>
                  <Table.Th scope="col">Pleasure</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.blocks.map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Th scope="row">{b.block}</Table.Th>
                    <Table.Td>
                      {b.planned || '—'}
                      {b.done ? ` (${b.done === 'not_done' ? 'not done' : b.done})` : ''}
                    </Table.Td>
                    <Table.Td>{b.actual || '—'}</Table.Td>
                    <Table.Td>{rated(b.mood, 10)}</Table.Td>
                    <Table.Td>{rated(b.mastery, 10)}</Table.Td>
                    <Table.Td>{rated(b.pleasure, 10)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {s.planned > 0 && (
            <Text size="sm">
              Planned and done: {s.done} of {s.planned}
            </Text>
          )}
          {c.note !== '' && <Field label="Note">{c.note}</Field>}
        </Stack>
      );
    }
    case 'diary_card': {
      const c = entry.content;
      return (
        <Stack gap="xs">
          <Field label="Feelings (0-5)">
            {c.emotions.map((e) => `${e.name} ${e.rating === null ? '—' : String(e.rating)}`).join(' · ')}
          </Field>
          <Field label="Urges (0-5)">
            {c.urges
              .map(
                (u) =>
                  `${u.behaviour} ${u.urge === null ? '—' : String(u.urge)}${u.actedOn === true ? ', acted on' : u.actedOn === false ? ', not acted on' : ''}`,
              )
              .join(' · ')}
          </Field>
          <Field label="Skills used">{c.skills.join(', ')}</Field>
          <Field label="Distress">{rated(c.distress, 10)}</Field>
          {c.note !== '' && <Field label="Note">{c.note}</Field>}
        </Stack>
      );
    }
    case 'ipt_log': {
      const c = entry.content;
      return (
        <Stack gap="xs">
          {c.problemArea && <Field label="Focus">{iptAreaNames[c.problemArea]}</Field>}
          <Field label="With">{c.person}</Field>
          <Field label="What happened">{c.whatHappened}</Field>
          <Field label="Feeling">
            {c.howIFelt} ({rated(c.feelingIntensity, 100)})
          </Field>
          <Field label="Reflection">{c.areaReflection}</Field>
          <Field label="Next time">{c.nextStep}</Field>
        </Stack>
      );
    }
    case 'free_form':
      return (
        <Stack gap="xs">
          <Field label="Response">{entry.content.response}</Field>
          <Field label="Helpfulness">{rated(entry.content.helpfulness, 10)}</Field>
        </Stack>
      );
  }
}
