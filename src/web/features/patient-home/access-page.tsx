import { Anchor, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { browserTimeZone } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { usePatient } from '../patients/api';
import { AccessReportList } from '../patients/access-report-list';
import { whoInWords } from './role-words';

export function AccessPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  const patient = usePatient(patientId);
  const timeZone = patient.data?.timeZone ?? browserTimeZone();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <div>
        <PageTitle>Who has seen my record</PageTitle>
        <Text c="dimmed">
          Each time someone at your clinic opens or changes your record, Duet writes it down. Only people on
          your care team can open it. Each line shows who, what and how many times that day; attempts that
          were refused are listed apart.
        </Text>
      </div>
      <AccessReportList
        patientId={patientId}
        timeZone={timeZone}
        whoLabel={whoInWords}
        headingOrder={2}
        empty="No one has opened your record yet."
      />
    </Stack>
  );
}
