import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Textarea, TextInput } from '../../components/limited-text';
import { NumberField } from '../../components/number-field';
import { useState } from 'react';
import { isApiError } from '../../app/api-client';
import type { PracticeType } from '../../../shared/practice/content';
import { iptAreaNames, practiceKind, practiceLibrary } from '../../../shared/practice/library';
import type { NewAssignment } from '../../../shared/practice/schemas';
import type { IptProblemArea } from '../../../shared/practice/sharing';
import { sharingWords } from '../../../shared/practice/sharing';
import { newClientId } from '../messaging/api';
import { useAssignPractice } from './api';
import { addDays } from '../../../shared/time/index';

type FrequencyKind = 'daily' | 'weekly' | 'once';

const inDays = (today: string, days: number) => addDays(today, days);

/** The therapist assigns practice from the library. */
export function AssignForm({
  patientId,
  today,
  planIptArea,
}: {
  patientId: string;
  today: string;
  planIptArea: IptProblemArea | null;
}) {
  const assign = useAssignPractice(patientId);
  const [id, setId] = useState(newClientId);
  const [type, setType] = useState<PracticeType>('thought_record');
  const [instructions, setInstructions] = useState('');
  const [kind, setKind] = useState<FrequencyKind>('weekly');
  const [timesPerWeek, setTimesPerWeek] = useState<number>(3);
  const [dueDay, setDueDay] = useState(inDays(today, 14));
  const [area, setArea] = useState<IptProblemArea | ''>(planIptArea ?? '');
  const [saved, setSaved] = useState<string | null>(null);

  const submit = () => {
    const body: NewAssignment = {
      id,
      type,
      instructions: instructions.trim(),
      frequency: kind === 'weekly' ? { kind, timesPerWeek } : { kind },
      dueDay,
      ...(type === 'ipt_log' && area !== '' ? { iptProblemArea: area } : {}),
    };
    assign.mutate(body, {
      onSuccess: () => {
        setSaved(practiceKind(type).name);
        setId(newClientId());
        setInstructions('');
      },
    });
  };
  const error = assign.error;
  const fieldError = (path: string) =>
    isApiError(error, 'validation_failed') && Array.isArray(error.details)
      ? (error.details as { path?: string; message?: string }[]).find((d) => d.path === path)?.message
      : undefined;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assign-heading">
      <Title order={2} size="h4" id="assign-heading" mb="xs">
        Assign practice
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label="Practice"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as PracticeType)}
            data={practiceLibrary.map((k) => ({ value: k.type, label: k.name }))}
            description={practiceKind(type).forClinician}
          />
          {type === 'ipt_log' && (
            <NativeSelect
              label="IPT problem area"
              value={area}
              onChange={(e) => setArea(e.currentTarget.value as IptProblemArea | '')}
              data={[
                { value: '', label: planIptArea ? 'From the plan' : 'Choose…' },
                ...Object.entries(iptAreaNames).map(([value, label]) => ({ value, label })),
              ]}
              description={
                planIptArea ? `The plan's focus: ${iptAreaNames[planIptArea]}` : 'The plan names none.'
              }
              error={fieldError('body.iptProblemArea')}
            />
          )}
        </SimpleGrid>
        <Textarea
          label={type === 'free_form' ? 'Your instructions (required)' : 'Instructions (optional)'}
          autosize
          minRows={2}
          maxLength={2000}
          value={instructions}
          onChange={(e) => setInstructions(e.currentTarget.value)}
          error={fieldError('body.instructions') ?? fieldError('instructions')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label="How often"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as FrequencyKind)}
            data={[
              { value: 'daily', label: 'Daily' },
              { value: 'weekly', label: 'Times a week' },
              { value: 'once', label: 'Once' },
            ]}
          />
          {kind === 'weekly' && (
            <NumberField
              label="Times a week"
              min={1}
              max={7}
              value={timesPerWeek}
              onChange={(v) => setTimesPerWeek(typeof v === 'number' ? v : 1)}
            />
          )}
          <TextInput
            type="date"
            label={kind === 'once' ? 'Due' : 'Until'}
            min={today}
            value={dueDay}
            onChange={(e) => setDueDay(e.currentTarget.value)}
            error={fieldError('body.dueDay')}
          />
        </SimpleGrid>
        <Text size="sm" c="dark.4">
          Entries are shared with{' '}
          {sharingWords[practiceKind(type).defaultSharing].label
            .replace('My ', 'the patient’s ')
            .toLowerCase()}{' '}
          unless the patient chooses otherwise.
        </Text>
        {error && !isApiError(error, 'validation_failed') && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {isApiError(error, 'validation_failed') && (
          <Alert color="orange" role="alert">
            {error.message}
          </Alert>
        )}
        {saved && !assign.isPending && !error && (
          <Text size="sm" c="green.9" role="status">
            {saved} assigned.
          </Text>
        )}
        <Group>
          <Button onClick={submit} loading={assign.isPending}>
            Assign
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
