import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { missingForSignature, sectionOwners } from '../../../shared/treatment-plans/rules';
import { planEditSchema, type PlanSection } from '../../../shared/treatment-plans/schemas';
import { isApiError } from '../../app/api-client';
import type { CareTeamRole } from '../../../shared/accounts/api';
import type { MedicationDifferenceView, PlanEdit, PlanVersion } from '../../../shared/treatment-plans/api';
import { useCurrentUser } from '../../app/session';
import { errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { useDraftAction, useEditDraft } from './api';
import {
  currentVersion,
  dirtySections,
  missingFrom,
  safetyTexts,
  type Content,
  type SetContent,
} from './draft-helpers';
import { MeasurementPlanSection } from './draft-measurement-plan';
import { GoalsSection, ProblemsSection } from './draft-problems-goals';
import { SafetyPlanSection } from './draft-safety-plan';
import { MedicationSection, TherapySection } from './draft-therapy-medication';
import { SECTION_LABELS } from './plan-words';
import { MedicationDifferences } from './medication-differences';
import { SignPanel } from './sign-panel';

/** Edits the open draft: shared parts for everyone, the therapy part for the therapist, medication for the prescriber. */
export function DraftEditor({
  patientId,
  draft,
  agreed,
  differences,
}: {
  patientId: string;
  draft: PlanVersion;
  /** The version signed last (the agreed plan), compared on the sign step; null before the first. */
  agreed: PlanVersion | null;
  /** Where the saved draft's medication part differs from the current medication records. */
  differences: MedicationDifferenceView[];
}) {
  const user = useCurrentUser();
  const edit = useEditDraft(patientId);
  const action = useDraftAction(patientId);
  const [base, setBase] = useState(draft);
  const [conflict, setConflict] = useState<string | null>(null);
  const [linesState, setLinesState] = useState(() => safetyTexts(draft.content));
  const role = user.role as CareTeamRole;
  const mayEdit = (section: PlanSection) => {
    const owner = sectionOwners[section];
    return owner === undefined || owner === role;
  };
  // The edit (the changed sections this person may edit) is checked with the route's own schema
  // (planEditSchema) before it is sent; each problem, the browser's or the server's, shows at its field.
  const form = useSchemaForm({
    schema: planEditSchema,
    initialValues: draft.content,
    toPayload: (c: Content): PlanEdit =>
      Object.fromEntries(
        dirtySections(base.content, c)
          .filter(mayEdit)
          .map((s) => [s, c[s]]),
      ),
  });
  const content = form.values;
  const setContent = form.setValues;

  // A newer draft arrived (someone else saved, or we did): start from it when nothing is unsaved.
  if (draft.version !== base.version && !dirtySections(base.content, content).length) {
    setBase(draft);
    setContent(draft.content);
    setLinesState(safetyTexts(draft.content));
  }

  const set: SetContent = (key, value) => form.setFieldValue(key, value);
  const dirty = dirtySections(base.content, content).filter(mayEdit);
  const missing = missingForSignature(content);
  const canSign = role === 'therapist' || role === 'prescriber';
  const mySignature = draft.signatures.find((s) => s.userId === user.id && s.valid);

  const save = () => {
    if (dirty.length === 0) return;
    setConflict(null);
    edit.reset();
    form.submit((change) =>
      edit.mutate(
        // As the schema reads it (the browser's check passed, so this parse cannot fail).
        { edit: planEditSchema.parse(change), version: base.version },
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
            form.setServerErrors(error);
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
      ),
    );
  };

  const sign = () =>
    action.mutate(
      { action: 'sign', version: base.version, attested: true },
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

  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

  return (
    <Stack gap="md">
      {conflict && (
        <Alert color="orange" variant="light" role="alert" title="Someone else changed the draft">
          {conflict}
        </Alert>
      )}

      <MedicationDifferences
        differences={differences}
        draft
        updating={edit.isPending}
        onUpdate={
          mayEdit('medication') && !dirty.includes('medication')
            ? () => {
                setConflict(null);
                edit.mutate(
                  { edit: { medication: base.content.medication }, version: base.version },
                  {
                    onSuccess: (saved) => {
                      // Only the medication part was saved: other unsaved changes stay in the form.
                      setBase(saved);
                      setContent((c) => ({ ...c, medication: saved.content.medication }));
                    },
                  },
                );
              }
            : undefined
        }
      />
      <ProblemsSection content={content} set={set} at={form.fieldState} />
      <GoalsSection content={content} set={set} at={form.fieldState} />
      <TherapySection content={content} set={set} editable={mayEdit('therapy')} at={form.fieldState} />
      <MedicationSection content={content} set={set} editable={mayEdit('medication')} at={form.fieldState} />
      <MeasurementPlanSection content={content} set={set} />
      <SafetyPlanSection
        content={content}
        set={set}
        editable={mayEdit('safetyPlan')}
        linesState={linesState}
        setLinesState={setLinesState}
      />

      {fieldsMarked && (
        <Alert color="red" variant="light" role="alert" title="The draft was not saved">
          Check the fields marked above.
        </Alert>
      )}
      {edit.isError && !isApiError(edit.error, 'precondition_failed') && !fieldsMarked && (
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
          </Group>
        </Stack>
      </Paper>
      {canSign && (
        <SignPanel
          content={base.content}
          lastSigned={agreed}
          versionNumber={base.number}
          signed={mySignature !== undefined}
          disabledReason={
            dirty.length > 0
              ? 'Save the draft first: you sign what is saved.'
              : missing.length > 0
                ? `Before signing: ${missing.map((m) => m.message).join(' ')}`
                : null
          }
          pending={action.isPending}
          onSign={sign}
        />
      )}
    </Stack>
  );
}
