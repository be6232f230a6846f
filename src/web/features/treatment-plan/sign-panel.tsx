import { Alert, Button, Checkbox, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  PLAN_ATTESTATION,
  textChanges,
  type PlanContent,
  type TextChange,
} from '../../../shared/treatment-plans/api';
import { planContentSchema } from '../../../shared/treatment-plans/schemas';
import { changeLabel, readablePlan } from './sign-words';

/** One changed field: removed words struck through, added words marked; labelled for screen readers too. */
function ChangeRow({ change, label }: { change: TextChange; label: string }) {
  return (
    <List.Item>
      <Text size="sm" fw={600} component="span">
        {label}
        {change.kind === 'added' ? ' (added)' : change.kind === 'removed' ? ' (removed)' : ''}:{' '}
      </Text>
      <Text size="sm" component="span" className="plan-word-diff" style={{ overflowWrap: 'anywhere' }}>
        {change.parts.map((p, i) =>
          p.op === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">removed: </span>
              {p.text}
            </del>
          ) : p.op === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">added: </span>
              {p.text}
            </ins>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </Text>
    </List.Item>
  );
}

const emptyPlan = planContentSchema.parse({});

/**
 * The sign step (issue 15): the exact text changes since the last signed (agreed) version, word by word,
 * then the attestation the signer must tick before the Sign button works.
 */
export function SignPanel({
  content,
  lastSigned,
  versionNumber,
  signed,
  disabledReason,
  pending,
  onSign,
}: {
  content: PlanContent;
  /** The agreed version signed last, or null before any was signed. */
  lastSigned: { number: number; content: PlanContent } | null;
  versionNumber: number;
  signed: boolean;
  /** Why signing is not possible yet (unsaved changes, something missing), or null. */
  disabledReason: string | null;
  pending: boolean;
  onSign: () => void;
}) {
  const [attested, setAttested] = useState(false);
  const before = lastSigned?.content ?? emptyPlan;
  const changes = textChanges(readablePlan(before), readablePlan(content));
  const since = lastSigned
    ? `since version ${String(lastSigned.number)} was signed`
    : 'in this first version';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="sign-heading">
      <Stack gap="sm">
        <Title order={2} size="h5" id="sign-heading">
          Sign version {versionNumber}
        </Title>
        <Text size="sm">
          {changes.length === 0
            ? `Nothing changed ${since}.`
            : `What changed ${since} (removed text struck through, added text underlined):`}
        </Text>
        {changes.length > 0 && (
          <List size="sm" spacing={4} aria-label={`Changes ${since}`}>
            {changes.map((c) => (
              <ChangeRow key={c.path} change={c} label={changeLabel(c.path, before, content)} />
            ))}
          </List>
        )}
        {signed ? (
          <Alert color="green" variant="light">
            You signed version {versionNumber}.
          </Alert>
        ) : (
          <>
            <Checkbox
              label={PLAN_ATTESTATION}
              checked={attested}
              onChange={(e) => setAttested(e.currentTarget.checked)}
            />
            {disabledReason && <Text size="sm">{disabledReason}</Text>}
            <div>
              <Button onClick={onSign} loading={pending} disabled={!attested || disabledReason !== null}>
                Sign version {versionNumber}
              </Button>
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}
