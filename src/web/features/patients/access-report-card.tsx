import { Paper, Title } from '@mantine/core';
import { roleLabel } from '../../components/format';
import { AccessReportList } from './access-report-list';

const who = (name: string, role: Parameters<typeof roleLabel>[0]) =>
  name === 'You' ? 'You' : `${name} (${roleLabel(role)})`;

/** Who opened or changed this record: the care team's view of the patient's access report. */
export function AccessReportCard({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="access-heading">
      <Title order={2} size="h4" id="access-heading" mb="sm">
        Access report
      </Title>
      <AccessReportList
        patientId={patientId}
        timeZone={timeZone}
        whoLabel={who}
        headingOrder={3}
        empty="No one has opened this record yet."
      />
    </Paper>
  );
}
