import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PlanContent } from '../../../shared/treatment-plans/api';
import { formatDay } from '../../components/format';
import { LinkedMedications } from '../medications/plan-medications';
import {
  FREQUENCY_LABELS,
  GOAL_STATUS_LABELS,
  INTENT_LABELS,
  IPT_AREA_LABELS,
  MODALITY_LABELS,
  SAFETY_SECTION_LABELS,
  targetWords,
} from './plan-words';

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      {/* h2: the plan's parts sit right under the page's h1 (the tabs are not headings; axe heading-order). */}
      <Title order={2} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The linked records as the plan saw them, with what it intends for each, and the medications to start. */
function PlannedMedications({ part }: { part: PlanContent['medication'] }) {
  const snapshotted = part.linked.filter((l) => l.snapshot !== null);
  // Older plans list record ids only: those show the records as they are now.
  const older = part.medicationIds.filter((id) => !snapshotted.some((l) => l.medicationId === id));
  return (
    <>
      {(snapshotted.length > 0 || part.toStart.length > 0) && (
        <List size="sm" spacing={2}>
          {snapshotted.map(({ medicationId, snapshot, intent, note }) => (
            <List.Item key={medicationId}>
              <strong>{snapshot?.name}</strong>: {snapshot?.dose}
              {snapshot?.schedule ? `, ${snapshot.schedule}` : ''}
              {snapshot?.steps ? `; then ${snapshot.steps}` : ''} · {INTENT_LABELS[intent]}
              {note ? `: ${note}` : ''}
            </List.Item>
          ))}
          {part.toStart.map((s) => (
            <List.Item key={s.id}>
              <strong>Start {s.name}</strong>
              {s.note ? `: ${s.note}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      <LinkedMedications ids={older} />
    </>
  );
}

const none = (
  <Text size="sm" c="dimmed">
    Nothing written yet.
  </Text>
);

/** A plan version's content, read only, for the care team. */
export function PlanContentView({ content }: { content: PlanContent }) {
  const t = content.therapy;
  const s = content.safetyPlan;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Part title="Problems">
        {content.problems.length === 0
          ? none
          : content.problems.map((p) => (
              <Text size="sm" key={p.id}>
                {p.description}
                {p.icd10 ? ` (${p.icd10})` : ''}
              </Text>
            ))}
      </Part>
      <Part title="Goals">
        {content.goals.length === 0 ? (
          none
        ) : (
          <List size="sm" spacing={4}>
            {content.goals.map((g) => (
              <List.Item key={g.id}>
                “{g.inPatientsWords}”{g.measurableTarget ? ` · target: ${g.measurableTarget}` : ''}
                {g.targetDate ? ` · by ${formatDay(g.targetDate)}` : ''} · {GOAL_STATUS_LABELS[g.status]}
              </List.Item>
            ))}
          </List>
        )}
      </Part>
      <Part title="Therapy (therapist)">
        {t.modality === null ? (
          none
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t.modality === 'other' ? (t.modalityOther ?? 'Other') : MODALITY_LABELS[t.modality]}
            {t.frequency ? `, ${FREQUENCY_LABELS[t.frequency].toLowerCase()}` : ''}
            {t.plannedSessions ? `, ${String(t.plannedSessions)} sessions` : ''}
            {t.iptProblemArea ? ` · ${IPT_AREA_LABELS[t.iptProblemArea]}` : ''}
            {t.focus ? `\nFocus: ${t.focus}` : ''}
            {t.practiceBetweenSessions ? `\nBetween sessions: ${t.practiceBetweenSessions}` : ''}
          </Text>
        )}
      </Part>
      <Part title="Medication (prescriber)">
        {content.medication.strategy ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {content.medication.strategy}
          </Text>
        ) : (
          content.medication.medicationIds.length === 0 && content.medication.toStart.length === 0 && none
        )}
        <PlannedMedications part={content.medication} />
      </Part>
      <Part title="Measurement plan">
        {content.measurement.questionnaires.length === 0
          ? none
          : content.measurement.questionnaires.map((q) => (
              <Text size="sm" key={q.instrument}>
                {q.instrument}: every {q.everyWeeksEarly} weeks for {q.earlyPhaseWeeks} weeks, then every{' '}
                {q.everyWeeksAfter} weeks
              </Text>
            ))}
        <Text size="sm">{targetWords(content.measurement)}</Text>
        <Text size="sm">
          Review: {content.reviewDate ? formatDay(content.reviewDate) : 'clinic default after agreement'}
        </Text>
      </Part>
      <Part title="Safety plan">
        {(Object.keys(SAFETY_SECTION_LABELS) as (keyof typeof SAFETY_SECTION_LABELS)[]).map((key) => {
          const items = s[key].map((x) =>
            typeof x === 'string' ? x : `${x.name}${x.phone ? `, ${x.phone}` : ''}`,
          );
          return (
            <Text size="sm" key={key}>
              <strong>{SAFETY_SECTION_LABELS[key]}:</strong> {items.length ? items.join('; ') : '—'}
            </Text>
          );
        })}
      </Part>
    </SimpleGrid>
  );
}
