import { Alert, Button, Group, List, MultiSelect, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { TextInput, Textarea } from '../../components/limited-text';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../app/api-client';
import { ConfirmModal } from '../../components/confirm-modal';
import { errorMessage } from '../../components/query-state';
import { interventionGroups, isInterventionCode } from '../../../shared/notes/interventions';
import {
  riskCheckLabels,
  riskCheckStatusSchema,
  type NoteFormat,
  type ProgressNote,
  type ProgressNoteContent,
} from '../../../shared/notes/schemas';
import { missingForSignature } from '../../../shared/notes/rules';
import { useSaveProgressNote, useSignProgressNote } from './api';
import { formatLabels, sectionsOf, shortFormat } from './note-words';
import { fieldErrorsFrom } from '../../components/validation-details';

const interventionData = interventionGroups.map((g) => ({
  group: g.group,
  items: g.items.map(([value, label]) => ({ value, label })),
}));

type Draft = { format: NoteFormat; sessionDate: string; content: ProgressNoteContent };

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 1200;

/**
 * The author's editor for a draft: saves as they type (with the version it started from, so a second
 * tab cannot silently overwrite), and signs with a confirmation, after which the note is locked.
 */
export function ProgressNoteEditor({ patientId, note }: { patientId: string; note: ProgressNote }) {
  const [draft, setDraft] = useState<Draft>({
    format: note.format,
    sessionDate: note.sessionDate,
    content: note.content,
  });
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const version = useRef(note.version);
  const save = useSaveProgressNote(patientId);
  const sign = useSignProgressNote(patientId);
  const stale = isApiError(save.error, 'conflict');

  useEffect(() => {
    if (!dirty || save.isPending || stale) return;
    const timer = setTimeout(() => {
      setDirty(false);
      save.mutate(
        { noteId: note.id, body: { version: version.current, ...draft } },
        {
          onSuccess: (saved) => {
            version.current = saved.version;
          },
          // No automatic retry loop: the next change saves the whole draft again (the status says so).
        },
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // save.mutate is stable; the draft and the flags decide when to save.
  }, [dirty, draft, save.isPending, stale, note.id]);

  const change = (next: Omit<Partial<Draft>, 'content'> & { content?: Partial<ProgressNoteContent> }) => {
    setDraft((d) => ({ ...d, ...next, content: { ...d.content, ...next.content } }));
    setDirty(true);
  };
  const c = draft.content;
  const missing = missingForSignature(draft.format, c);
  const saving = dirty || save.isPending;
  const saveState = stale
    ? 'Not saved: this draft was changed elsewhere. Reload the page.'
    : save.isError
      ? `Not saved: ${Object.values(fieldErrorsFrom(save.error))[0] ?? errorMessage(save.error)} Your next change tries again.`
      : saving
        ? 'Saving…'
        : 'All changes saved';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c={save.isError ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
          {saveState}
        </Text>
        <Button
          onClick={() => setConfirming(true)}
          disabled={saving || save.isError || missing.length > 0}
          title={missing.length > 0 ? 'Complete the fields listed below first' : undefined}
        >
          Sign note
        </Button>
      </Group>
      <Group gap="md" wrap="wrap" align="flex-end">
        <TextInput
          type="date"
          label="Session date"
          value={draft.sessionDate}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v !== '') change({ sessionDate: v });
          }}
          w={180}
        />
        <div>
          <Text size="sm" fw={500} id="note-format" mb={4}>
            Format
          </Text>
          <SegmentedControl
            aria-labelledby="note-format"
            value={draft.format}
            onChange={(v) => change({ format: v === 'dap' ? 'dap' : 'soap' })}
            data={(['soap', 'dap'] as const).map((f) => ({ value: f, label: shortFormat[f] }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {formatLabels[draft.format]}
          </Text>
        </div>
      </Group>
      <TextInput
        label="Focus of the session"
        value={c.focus}
        maxLength={2000}
        onChange={(e) => change({ content: { focus: e.currentTarget.value } })}
      />
      <MultiSelect
        label="Interventions used"
        placeholder="Pick from the list"
        data={interventionData}
        value={c.interventions}
        searchable
        clearable
        onChange={(v) => change({ content: { interventions: v.filter(isInterventionCode) } })}
      />
      <TextInput
        label="Other interventions"
        description="Anything not in the list."
        value={c.interventionsOther}
        maxLength={1000}
        onChange={(e) => change({ content: { interventionsOther: e.currentTarget.value } })}
      />
      <Textarea
        label="Practice assigned"
        autosize
        minRows={2}
        maxLength={2000}
        value={c.practiceAssigned}
        onChange={(e) => change({ content: { practiceAssigned: e.currentTarget.value } })}
      />
      <Radio.Group
        label="Risk check"
        value={c.risk.status ?? ''}
        onChange={(v) => {
          const status = riskCheckStatusSchema.safeParse(v);
          if (status.success) change({ content: { risk: { ...c.risk, status: status.data } } });
        }}
      >
        <Group gap="md" mt={4} wrap="wrap">
          {riskCheckStatusSchema.options.map((s) => (
            <Radio key={s} value={s} label={riskCheckLabels[s]} />
          ))}
        </Group>
      </Radio.Group>
      {c.risk.status !== null && c.risk.status !== 'no_current_risk' && (
        <Textarea
          label={c.risk.status === 'risk_discussed' ? 'What was discussed about risk' : 'Safety plan notes'}
          autosize
          minRows={2}
          maxLength={2000}
          value={c.risk.details}
          onChange={(e) => change({ content: { risk: { ...c.risk, details: e.currentTarget.value } } })}
        />
      )}
      {sectionsOf[draft.format].map((s) => (
        <Textarea
          key={s.key}
          label={s.label}
          description={s.hint}
          autosize
          minRows={3}
          maxLength={5000}
          value={c[s.key]}
          onChange={(e) => change({ content: { [s.key]: e.currentTarget.value } })}
        />
      ))}
      {missing.length > 0 && (
        <Alert color="gray" variant="light" title="Before you can sign">
          <List size="sm">
            {missing.map((m) => (
              <List.Item key={m.path}>{m.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ConfirmModal
        opened={confirming}
        title="Sign this progress note?"
        confirmLabel="Sign and lock"
        loading={sign.isPending}
        error={sign.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          sign.mutate(
            { noteId: note.id, version: version.current },
            { onSuccess: () => setConfirming(false) },
          )
        }
      >
        Once signed, the note is locked and becomes part of the patient&apos;s record: the care team and the
        patient can read it. Corrections are added as addenda, with your name and the time.
      </ConfirmModal>
    </Stack>
  );
}
