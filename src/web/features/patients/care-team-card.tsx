import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PatientOverview } from '../../../shared/patients/api';
import { RoleBadge } from '../../components/badges';
import { TEAM_ROLES } from './care-team-picker';
import { TeamEditor } from './team-editor';
import { vacancyDetail, vacancyLine } from './vacancy-words';

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
      {patient.vacancies.map((v) => (
        <Alert key={v.role} color="orange" variant="light" mb="sm" title={vacancyLine(v)}>
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {vacancyDetail(v)}
          </Text>
        </Alert>
      ))}
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
