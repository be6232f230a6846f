import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CareTeamRole } from '../../../shared/accounts/api';
import { useCurrentUser } from '../../app/session';
import { browserToday, fullName } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useSchemaForm } from '../../lib/schema-form';
import { useClinicians, useEnrolPatient } from './api';
import { CareTeamPicker, assignmentsFrom, emptyTeamChoice, type TeamChoice } from './care-team-picker';
import { DetailsFields } from './details-fields';
import { detailsFromForm, emptyDetailsForm, enrolSchema, type DetailsForm } from './details-form';

const todayIso = browserToday;

export function EnrolPatientPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const clinicians = useClinicians();
  const enrol = useEnrolPatient();
  const [team, setTeam] = useState<TeamChoice>(emptyTeamChoice);
  const [teamTouched, setTeamTouched] = useState(false);
  const schema = useMemo(() => enrolSchema(todayIso()), []);
  // The route's own schema checks the whole request (details and care team) before it is sent.
  const form = useSchemaForm({
    schema,
    initialValues: emptyDetailsForm,
    toPayload: (values: DetailsForm) => ({ ...detailsFromForm(values), careTeam: assignmentsFrom(team) }),
  });

  // Start with the signed-in clinician in their own role.
  useEffect(() => {
    if (teamTouched || !clinicians.data) return;
    const role = me.role as CareTeamRole;
    if (clinicians.data.some((c) => c.id === me.id && c.role === role)) {
      setTeam((current) => (current[role] === '' ? { ...current, [role]: me.id } : current));
    }
  }, [clinicians.data, me.id, me.role, teamTouched]);

  const teamError = form.errorAt('careTeam');
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    enrol.reset();
    form.submit((payload) =>
      enrol.mutate(payload, {
        onError: (error) => form.setServerErrors(error),
        onSuccess: (patient) => {
          notifications.show({
            color: 'green',
            title: `${fullName(patient)} is enrolled`,
            message: `An invitation to set a password went to ${patient.email}.`,
          });
          void navigate(`/patients/${patient.id}`);
        },
      }),
    );
  };

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageTitle>Enrol patient</PageTitle>
        <Text c="dimmed">The patient receives an email invitation to set a password.</Text>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="details-heading">
            <Title order={2} size="h4" id="details-heading" mb="sm">
              Patient details
            </Title>
            <DetailsFields field={form.getInputProps} />
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-heading">
            <Title order={2} size="h4" id="team-heading" mb="sm">
              Care team
            </Title>
            {clinicians.isPending && <LoadingState label="Loading clinicians…" />}
            {clinicians.isError && (
              <ErrorState error={clinicians.error} onRetry={() => void clinicians.refetch()} />
            )}
            {clinicians.data && (
              <CareTeamPicker
                clinicians={clinicians.data}
                value={team}
                onChange={(next) => {
                  setTeamTouched(true);
                  setTeam(next);
                }}
                error={teamError}
              />
            )}
          </Paper>
          {enrol.isError && (
            <Alert color="red" variant="light" role="alert" title="The patient was not enrolled">
              {fieldsMarked ? 'Check the fields marked above.' : errorMessage(enrol.error)}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={enrol.isPending}>
              Enrol and send invitation
            </Button>
            <Button component={Link} to="/caseload" variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
