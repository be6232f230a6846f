import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { v4 as uuid } from 'uuid';
import { missingForSignature, sectionOwners } from '../../../shared/treatment-plans/rules';
import { instruments, type PlanSection } from '../../../shared/treatment-plans/schemas';
import { isApiError } from '../../app/api-client';
import type { CareTeamRole, PlanContent, PlanEdit, PlanVersion } from '../../app/api-types';
import { useCurrentUser } from '../../app/session';
import { roleLabel } from '../../components/format';
import { errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { useDraftAction, useEditDraft } from './api';
import {
  FREQUENCY_LABELS,
  GOAL_STATUS_LABELS,
  IPT_AREA_LABELS,
  MODALITY_LABELS,
  SAFETY_SECTION_LABELS,
  SECTION_LABELS,
} from './plan-words';

type Content = PlanContent;
const newItemId = () => uuid();
const options = <K extends string>(labels: Record<K, string>, empty?: string) => [
  ...(empty !== undefined ? [{ value: '', label: empty }] : []),
  ...Object.entries<string>(labels).map(([value, label]) => ({ value, label })),
];
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
type Contact = Content['safetyPlan']['peopleICanAskForHelp'][number];
const contactsText = (list: Contact[]) =>
  list.map((c) => (c.phone ? `${c.name}, ${c.phone}` : c.name)).join('\n');
/** "Name, phone" per line; the phone is whatever follows the last comma. */
const contactsOf = (text: string): Contact[] =>
  linesOf(text).map((line) => {
    const at = line.lastIndexOf(',');
    return at > 0
      ? { name: line.slice(0, at).trim(), phone: line.slice(at + 1).trim() || null }
      : { name: line, phone: null };
  });

function Section({
  title,
  owner,
  editable,
  children,
}: {
  title: string;
  owner?: CareTeamRole;
  editable: boolean;
  children: ReactNode;
}) {
  const id = `draft-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-labelledby={id} m={0}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {owner
            ? `${roleLabel(owner)}'s part${editable ? ' (yours)' : ', read only for you'}`
            : 'Shared by the team'}
        </Text>
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** Edits the open draft: shared parts for everyone, the therapy part for the therapist, medication for the prescriber. */
export function DraftEditor({ patientId, draft }: { patientId: string; draft: PlanVersion }) {
  const user = useCurrentUser();
  const edit = useEditDraft(patientId);
  const action = useDraftAction(patientId);
  const [base, setBase] = useState(draft);
  const [content, setContent] = useState<Content>(draft.content);
  const [conflict, setConflict] = useState<string | null>(null);
  const [linesState, setLinesState] = useState(() => safetyTexts(draft.content));
  const fieldErrors = fieldErrorsFrom(edit.error);

  // A newer draft arrived (someone else saved, or we did): start from it when nothing is unsaved.
  if (draft.version !== base.version && !dirtySections(base.content, content).length) {
    setBase(draft);
    setContent(draft.content);
    setLinesState(safetyTexts(draft.content));
  }

  const role = user.role as CareTeamRole;
  const mayEdit = (section: PlanSection) => {
    const owner = sectionOwners[section];
    return owner === undefined || owner === role;
  };
  const set = <K extends keyof Content>(key: K, value: Content[K]) =>
    setContent((c) => ({ ...c, [key]: value }));
  const dirty = dirtySections(base.content, content).filter(mayEdit);
  const missing = missingForSignature(content);
  const canSign = role === 'therapist' || role === 'prescriber';
  const mySignature = draft.signatures.find((s) => s.userId === user.id && s.valid);

  const save = () => {
    if (dirty.length === 0) return;
    const change: PlanEdit = Object.fromEntries(dirty.map((s) => [s, content[s]]));
    setConflict(null);
    edit.mutate(
      { edit: change, version: base.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setContent(saved.content);
          setLinesState(safetyTexts(saved.content));
          notifications.show({
            color: 'green',
            title: 'Draft saved',
            message:
              saved.signatures.length > 0 && saved.signatures.every((s) => !s.valid)
                ? 'Earlier signatures no longer apply to this version.'
                : `Version ${String(saved.number)} is up to date.`,
          });
        },
        onError: (error) => {
          if (isApiError(error, 'precondition_failed')) {
            const current = currentVersion(error.details);
            const changed = current ? dirtySections(base.content, current.content) : [];
            setConflict(
              `Someone else saved this draft while you were editing${
                changed.length
                  ? ` (they changed: ${changed.map((s) => SECTION_LABELS[s] ?? s).join(', ')})`
                  : ''
              }. Your changes were not saved. The form now shows their version; make your change again.`,
            );
            if (current) {
              setBase(current);
              setContent(current.content);
              setLinesState(safetyTexts(current.content));
            }
          }
        },
      },
    );
  };

  const sign = () =>
    action.mutate(
      { action: 'sign', version: base.version },
      {
        onSuccess: (signed) =>
          notifications.show({
            color: 'green',
            title: 'Signed',
            message:
              signed.status === 'agreed'
                ? 'Both signatures are in: this is now the agreed plan.'
                : `Waiting for ${signed.awaitingSignatureFrom.map((p) => p.name).join(' and ')}.`,
          }),
      },
    );

  const safetyList = (
    key: Exclude<keyof Content['safetyPlan'], 'peopleICanAskForHelp' | 'professionalsAndCrisisLines'>,
  ) => (
    <Textarea
      key={key}
      label={SAFETY_SECTION_LABELS[key]}
      description="One per line"
      autosize
      minRows={2}
      readOnly={!mayEdit('safetyPlan')}
      value={linesState[key]}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setLinesState((s) => ({ ...s, [key]: text }));
        set('safetyPlan', { ...content.safetyPlan, [key]: linesOf(text) });
      }}
    />
  );
  const safetyContacts = (key: 'peopleICanAskForHelp' | 'professionalsAndCrisisLines') => (
    <Textarea
      key={key}
      label={SAFETY_SECTION_LABELS[key]}
      description="One per line: name, phone number"
      autosize
      minRows={2}
      readOnly={!mayEdit('safetyPlan')}
      value={linesState[key]}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setLinesState((s) => ({ ...s, [key]: text }));
        set('safetyPlan', { ...content.safetyPlan, [key]: contactsOf(text) });
      }}
    />
  );

  const t = content.therapy;
  return (
    <Stack gap="md">
      {conflict && (
        <Alert color="orange" variant="light" role="alert" title="Someone else changed the draft">
          {conflict}
        </Alert>
      )}

      <Section title="Problems" editable>
        {content.problems.map((p, i) => (
          <Group key={p.id} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              style={{ flex: 3 }}
              label={`Problem ${String(i + 1)}`}
              value={p.description}
              onChange={(e) => {
                const description = e.currentTarget.value;
                set(
                  'problems',
                  content.problems.map((x) => (x.id === p.id ? { ...x, description } : x)),
                );
              }}
            />
            <TextInput
              style={{ flex: 1 }}
              label="ICD-10-CM"
              placeholder="F32.1"
              value={p.icd10 ?? ''}
              error={fieldErrors.problems}
              onChange={(e) => {
                const icd10 = e.currentTarget.value.trim() || null;
                set(
                  'problems',
                  content.problems.map((x) => (x.id === p.id ? { ...x, icd10 } : x)),
                );
              }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove problem ${String(i + 1)}`}
              onClick={() =>
                set(
                  'problems',
                  content.problems.filter((x) => x.id !== p.id),
                )
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              set('problems', [...content.problems, { id: newItemId(), description: '', icd10: null }])
            }
          >
            Add problem
          </Button>
        </Group>
      </Section>

      <Section title="Goals" editable>
        {content.goals.map((g, i) => (
          <Paper key={g.id} withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  Goal {i + 1}
                </Text>
                <ActionIcon
                  variant="default"
                  aria-label={`Remove goal ${String(i + 1)}`}
                  onClick={() =>
                    set(
                      'goals',
                      content.goals.filter((x) => x.id !== g.id),
                    )
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <TextInput
                label="In the patient's words"
                value={g.inPatientsWords}
                onChange={(e) => {
                  const inPatientsWords = e.currentTarget.value;
                  set(
                    'goals',
                    content.goals.map((x) => (x.id === g.id ? { ...x, inPatientsWords } : x)),
                  );
                }}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label="Measurable target"
                  placeholder="PHQ-9 below 5"
                  value={g.measurableTarget}
                  onChange={(e) => {
                    const measurableTarget = e.currentTarget.value;
                    set(
                      'goals',
                      content.goals.map((x) => (x.id === g.id ? { ...x, measurableTarget } : x)),
                    );
                  }}
                />
                <TextInput
                  type="date"
                  label="Target date"
                  value={g.targetDate ?? ''}
                  onChange={(e) => {
                    const targetDate = e.currentTarget.value || null;
                    set(
                      'goals',
                      content.goals.map((x) => (x.id === g.id ? { ...x, targetDate } : x)),
                    );
                  }}
                />
                <NativeSelect
                  label="Status"
                  value={g.status}
                  data={options(GOAL_STATUS_LABELS)}
                  onChange={(e) => {
                    const status = e.currentTarget.value as typeof g.status;
                    set(
                      'goals',
                      content.goals.map((x) => (x.id === g.id ? { ...x, status } : x)),
                    );
                  }}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              set('goals', [
                ...content.goals,
                {
                  id: newItemId(),
                  inPatientsWords: '',
                  measurableTarget: '',
                  targetDate: null,
                  status: 'active',
                },
              ])
            }
          >
            Add goal
          </Button>
        </Group>
      </Section>

      <Section title="Therapy" owner="therapist" editable={mayEdit('therapy')}>
        <fieldset disabled={!mayEdit('therapy')} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <NativeSelect
                label="Modality"
                value={t.modality ?? ''}
                data={options(MODALITY_LABELS, 'Not chosen')}
                onChange={(e) => {
                  const modality = (e.currentTarget.value || null) as typeof t.modality;
                  set('therapy', {
                    ...t,
                    modality,
                    iptProblemArea: modality === 'IPT' ? t.iptProblemArea : null,
                    modalityOther: modality === 'other' ? t.modalityOther : null,
                  });
                }}
              />
              <NativeSelect
                label="Frequency"
                value={t.frequency ?? ''}
                data={options(FREQUENCY_LABELS, 'Not chosen')}
                onChange={(e) =>
                  set('therapy', { ...t, frequency: (e.currentTarget.value || null) as typeof t.frequency })
                }
              />
              <NumberInput
                label="Planned sessions"
                min={1}
                max={200}
                allowDecimal={false}
                value={t.plannedSessions ?? ''}
                onChange={(v) => set('therapy', { ...t, plannedSessions: typeof v === 'number' ? v : null })}
              />
            </SimpleGrid>
            {t.modality === 'other' && (
              <TextInput
                label="Which therapy"
                value={t.modalityOther ?? ''}
                onChange={(e) => set('therapy', { ...t, modalityOther: e.currentTarget.value || null })}
              />
            )}
            {t.modality === 'IPT' && (
              <NativeSelect
                label="IPT problem area"
                value={t.iptProblemArea ?? ''}
                data={options(IPT_AREA_LABELS, 'Not chosen')}
                onChange={(e) =>
                  set('therapy', {
                    ...t,
                    iptProblemArea: (e.currentTarget.value || null) as typeof t.iptProblemArea,
                  })
                }
              />
            )}
            <Textarea
              label="Focus"
              autosize
              minRows={2}
              value={t.focus}
              onChange={(e) => set('therapy', { ...t, focus: e.currentTarget.value })}
            />
            <Textarea
              label="Practice between sessions"
              autosize
              minRows={2}
              value={t.practiceBetweenSessions}
              onChange={(e) => set('therapy', { ...t, practiceBetweenSessions: e.currentTarget.value })}
            />
          </Stack>
        </fieldset>
      </Section>

      <Section title="Medication" owner="prescriber" editable={mayEdit('medication')}>
        <Textarea
          label="Medication strategy"
          description='In words for now, for example "start sertraline 50 mg, aim for 100 mg by week 4".'
          autosize
          minRows={2}
          readOnly={!mayEdit('medication')}
          value={content.medication.strategy}
          onChange={(e) => set('medication', { ...content.medication, strategy: e.currentTarget.value })}
        />
      </Section>

      <Section title="Measurement plan" editable>
        {instruments.map((instrument) => {
          const q = content.measurement.questionnaires.find((x) => x.instrument === instrument);
          const update = (next: typeof q | null) =>
            set('measurement', {
              questionnaires: [
                ...content.measurement.questionnaires.filter((x) => x.instrument !== instrument),
                ...(next ? [next] : []),
              ],
            });
          return (
            <Stack key={instrument} gap="xs">
              <Checkbox
                label={`${instrument} questionnaire`}
                checked={q !== undefined}
                onChange={(e) =>
                  update(
                    e.currentTarget.checked
                      ? {
                          instrument,
                          atBaseline: true,
                          everyWeeksEarly: 2,
                          earlyPhaseWeeks: 12,
                          everyWeeksAfter: 4,
                        }
                      : null,
                  )
                }
              />
              {q && (
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" pl="lg">
                  <NumberInput
                    label="Every N weeks at first"
                    min={1}
                    max={12}
                    allowDecimal={false}
                    value={q.everyWeeksEarly}
                    onChange={(v) => update({ ...q, everyWeeksEarly: typeof v === 'number' ? v : 2 })}
                  />
                  <NumberInput
                    label="For the first N weeks"
                    min={0}
                    max={52}
                    allowDecimal={false}
                    value={q.earlyPhaseWeeks}
                    onChange={(v) => update({ ...q, earlyPhaseWeeks: typeof v === 'number' ? v : 12 })}
                  />
                  <NumberInput
                    label="Then every N weeks"
                    min={1}
                    max={26}
                    allowDecimal={false}
                    value={q.everyWeeksAfter}
                    onChange={(v) => update({ ...q, everyWeeksAfter: typeof v === 'number' ? v : 4 })}
                  />
                </SimpleGrid>
              )}
            </Stack>
          );
        })}
        <TextInput
          type="date"
          label="Review date"
          description="Leave empty for the clinic's default number of weeks after agreement."
          value={content.reviewDate ?? ''}
          onChange={(e) => set('reviewDate', e.currentTarget.value || null)}
          maw={260}
        />
      </Section>

      <Section title="Safety plan" editable>
        {safetyList('warningSigns')}
        {safetyList('thingsICanDoOnMyOwn')}
        {safetyList('peopleAndPlacesThatHelp')}
        {safetyContacts('peopleICanAskForHelp')}
        {safetyContacts('professionalsAndCrisisLines')}
        {safetyList('makingMySurroundingsSafer')}
      </Section>

      {edit.isError && !isApiError(edit.error, 'precondition_failed') && (
        <Alert color="red" variant="light" role="alert" title="The draft was not saved">
          {errorMessage(edit.error)}
        </Alert>
      )}
      {action.isError && (
        <Alert color="red" variant="light" role="alert" title="Not signed">
          {errorMessage(action.error)}
          {missingFrom(action.error).length > 0 && (
            <List size="sm" mt="xs">
              {missingFrom(action.error).map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      <Paper withBorder radius="md" p="md" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
        <Stack gap="xs">
          <Text size="sm" aria-live="polite">
            {dirty.length > 0
              ? `Unsaved changes: ${dirty.map((s) => SECTION_LABELS[s] ?? s).join(', ')}.`
              : 'All changes saved.'}
            {canSign &&
              missing.length > 0 &&
              dirty.length === 0 &&
              ` Before signing: ${missing.map((m) => m.message).join(' ')}`}
          </Text>
          <Group gap="sm">
            <Button onClick={save} disabled={dirty.length === 0} loading={edit.isPending}>
              Save draft
            </Button>
            {canSign && (
              <Button
                variant="filled"
                onClick={sign}
                loading={action.isPending}
                disabled={dirty.length > 0 || missing.length > 0 || mySignature !== undefined}
              >
                {mySignature
                  ? `Signed version ${String(base.number)}`
                  : `Sign version ${String(base.number)}`}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function safetyTexts(c: Content) {
  const s = c.safetyPlan;
  return {
    warningSigns: s.warningSigns.join('\n'),
    thingsICanDoOnMyOwn: s.thingsICanDoOnMyOwn.join('\n'),
    peopleAndPlacesThatHelp: s.peopleAndPlacesThatHelp.join('\n'),
    peopleICanAskForHelp: contactsText(s.peopleICanAskForHelp),
    professionalsAndCrisisLines: contactsText(s.professionalsAndCrisisLines),
    makingMySurroundingsSafer: s.makingMySurroundingsSafer.join('\n'),
  };
}

function dirtySections(before: Content, after: Content): PlanSection[] {
  return (Object.keys(after) as PlanSection[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

function currentVersion(details: unknown): PlanVersion | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = details.current;
  return typeof current === 'object' && current !== null && 'content' in current && 'version' in current
    ? (current as PlanVersion)
    : null;
}

function missingFrom(error: unknown): string[] {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return [];
  const missing = (error.details as { missing?: unknown }).missing;
  return Array.isArray(missing)
    ? missing.flatMap((m: unknown) =>
        typeof m === 'object' && m !== null && typeof (m as { message?: unknown }).message === 'string'
          ? [(m as { message: string }).message]
          : [],
      )
    : [];
}
