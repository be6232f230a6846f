import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ProgressNote } from '../../../shared/notes/schemas';
import { riskCheckLabels } from '../../../shared/notes/schemas';
import { interventionLabel } from '../../../shared/notes/interventions';
import { formatDateTime, formatDay, roleLabel } from '../../components/format';
import { sectionsOf, shortFormat } from './note-words';

function Field({ label, value }: { label: string; value: string }) {
  if (value.trim() === '') return null;
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}

/** A signed progress note as it stands, with its addenda (read-only: for the team and the patient). */
export function NoteView({
  note,
  headingLevel = 2,
  forPatient = false,
}: {
  note: ProgressNote;
  headingLevel?: 2 | 3;
  /** The patient's wording: no format jargon. */
  forPatient?: boolean;
}) {
  const c = note.content;
  const interventions = [...c.interventions.map(interventionLabel), c.interventionsOther.trim()].filter(
    (s) => s !== '',
  );
  const risk = c.risk.status ? riskCheckLabels[c.risk.status] : '';
  return (
    <Stack gap="sm">
      <Title order={headingLevel} size="h4">
        Session on {formatDay(note.sessionDate)}
      </Title>
      <Text size="xs" c="dimmed">
        {forPatient ? 'Written by' : `${shortFormat[note.format]} note by`} {note.author.name} (
        {roleLabel(note.author.role)})
        {note.signedBy && note.signedAt !== null
          ? ` · signed by ${note.signedBy.name}, ${formatDateTime(note.signedAt)}`
          : ' · draft'}
      </Text>
      <Field label="Focus" value={c.focus} />
      <Field label="Interventions" value={interventions.join(', ')} />
      <Field label="Practice until next time" value={c.practiceAssigned} />
      <Field label="Risk check" value={[risk, c.risk.details.trim()].filter((s) => s !== '').join(': ')} />
      {sectionsOf[note.format].map((s) => (
        <Field key={s.key} label={s.label} value={c[s.key]} />
      ))}
      {note.addenda.length > 0 && (
        <Stack gap="xs" component="section" aria-label="Addenda">
          <Text size="sm" fw={700}>
            {forPatient ? 'Corrections and additions' : 'Addenda'}
          </Text>
          {note.addenda.map((a) => (
            <Paper key={a.id} withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.text}
              </Text>
              <Text size="xs" c="dimmed">
                {a.writtenBy.name} ({roleLabel(a.writtenBy.role)}) · {formatDateTime(a.writtenAt)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
