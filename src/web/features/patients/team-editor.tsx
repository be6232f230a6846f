import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../app/api-client';
import { refreshAfterSave } from '../../app/refresh-after-save';
import type { PatientOverview } from '../../../shared/patients/api';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { getPatient, patientKeys, useClinicians, useUpdateCareTeam } from './api';
import { CareTeamPicker, assignmentsFrom, teamChoiceFrom, type TeamChoice } from './care-team-picker';
import { currentFrom412, describeTeamChange } from './conflict';

/** Edits the care team with If-Match; when someone else saved first, shows what they changed. */
export function TeamEditor({ patient, onDone }: { patient: PatientOverview; onDone: () => void }) {
  const queryClient = useQueryClient();
  const clinicians = useClinicians();
  const update = useUpdateCareTeam(patient.id);
  const [base, setBase] = useState<PatientOverview>(patient);
  const [choice, setChoice] = useState<TeamChoice>(() => teamChoiceFrom(patient.careTeam));
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [empty, setEmpty] = useState(false);

  const onConflict = async (details: unknown) => {
    let current = currentFrom412(details);
    if (current) queryClient.setQueryData(patientKeys.overview(patient.id), current);
    else
      current = await queryClient.query({
        queryKey: patientKeys.overview(patient.id),
        queryFn: () => getPatient(patient.id),
        staleTime: 0,
      });
    void refreshAfterSave(queryClient, [patientKeys.history(patient.id)]);
    if (!current) return;
    setConflict(describeTeamChange(base.careTeam, current.careTeam));
    setBase(current);
    setChoice(teamChoiceFrom(current.careTeam));
  };

  const save = () => {
    const members = assignmentsFrom(choice);
    setEmpty(members.length === 0);
    if (members.length === 0) return;
    setConflict(null);
    update.mutate(
      { members, careTeamVersion: base.careTeamVersion },
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
          if (isApiError(error, 'precondition_failed')) void onConflict(error.details);
        },
      },
    );
  };

  if (clinicians.isPending) return <LoadingState label="Loading clinicians…" />;
  if (clinicians.isError) {
    return <ErrorState error={clinicians.error} onRetry={() => void clinicians.refetch()} />;
  }

  return (
    <Stack gap="md">
      {conflict && (
        <Alert color="orange" variant="light" role="alert" title="Someone else changed the team">
          <Text size="sm">
            While you were editing, someone else saved a change to this care team. Your change was not saved.
          </Text>
          {conflict.length > 0 && (
            <List size="sm" my="xs">
              {conflict.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
          <Text size="sm">The choices below now show the current team. Make your change again and save.</Text>
        </Alert>
      )}
      <CareTeamPicker
        clinicians={clinicians.data}
        value={choice}
        onChange={setChoice}
        currentMembers={base.careTeam}
        stacked
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
