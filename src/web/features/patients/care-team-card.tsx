import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../../app/api-client';
import type { PatientOverview } from '../../app/api-types';
import { RoleBadge } from '../../components/badges';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useClinicians, useReloadPatient, useUpdateCareTeam } from './api';
import {
  CareTeamPicker,
  TEAM_ROLES,
  assignmentsFrom,
  teamChoiceFrom,
  type TeamChoice,
} from './care-team-picker';

function TeamEditor({ patient, onDone }: { patient: PatientOverview; onDone: () => void }) {
  const clinicians = useClinicians();
  const update = useUpdateCareTeam(patient.id);
  const reload = useReloadPatient(patient.id);
  const [choice, setChoice] = useState<TeamChoice>(() => teamChoiceFrom(patient.careTeam));
  const [conflict, setConflict] = useState(false);
  const [empty, setEmpty] = useState(false);

  const save = () => {
    const members = assignmentsFrom(choice);
    setEmpty(members.length === 0);
    if (members.length === 0) return;
    setConflict(false);
    update.mutate(
      { members, careTeamVersion: patient.careTeamVersion },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Care team saved',
            message: 'The change is in the team history.',
          });
          onDone();
        },
        onError: (error) => {
          if (!isApiError(error, 'precondition_failed')) return;
          setConflict(true);
          void reload();
        },
      },
    );
  };

  if (clinicians.isPending) return <LoadingState label="Loading clinicians…" />;
  if (clinicians.isError)
    return <ErrorState error={clinicians.error} onRetry={() => void clinicians.refetch()} />;

  return (
    <Stack gap="md">
      {conflict && (
        <Alert color="orange" variant="light" role="alert" title="Someone else changed the team">
          The care team was changed by someone else while you were editing. The card now shows the current
          team; check it and make your change again.
          <Button
            size="xs"
            variant="white"
            color="orange"
            mt="xs"
            display="block"
            onClick={() => {
              setChoice(teamChoiceFrom(patient.careTeam));
              setConflict(false);
            }}
          >
            Start again from the current team
          </Button>
        </Alert>
      )}
      <CareTeamPicker
        clinicians={clinicians.data}
        value={choice}
        onChange={setChoice}
        currentMembers={patient.careTeam}
        error={empty ? 'A care team needs at least one member' : undefined}
      />
      {update.isError && !isApiError(update.error, 'precondition_failed') && (
        <Alert color="red" variant="light" role="alert" title="The team was not saved">
          {errorMessage(update.error)}
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={save} loading={update.isPending}>
          Save team
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** The patient's care team, with editing for members of the team. */
export function CareTeamCard({ patient }: { patient: PatientOverview }) {
  const [editing, setEditing] = useState(false);
  const members = [...patient.careTeam].sort(
    (a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role),
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="care-team-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="care-team-heading">
          Care team
        </Title>
        {!editing && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Edit team
          </Button>
        )}
      </Group>
      {editing ? (
        <TeamEditor patient={patient} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {members.map((member) => (
            <Group
              component="li"
              key={`${member.userId}-${member.role}`}
              justify="space-between"
              wrap="nowrap"
            >
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {member.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
              </div>
              <RoleBadge role={member.role} />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
