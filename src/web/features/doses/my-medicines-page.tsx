import { Stack, Text } from '@mantine/core';
import { useCurrentUser } from '../../app/session';
import { PageTitle } from '../../components/page-title';
import { NO_E_PRESCRIBING } from '../medications/medication-words';
import { CalendarCard } from './calendar-card';
import { PlanAheadCard } from './plan-ahead-card';
import { RefillCard } from './refill-card';
import { RemindersCard } from './reminders-card';
import { TodayDosesCard } from './today-card';
import { PatientAdherenceNote } from '../adherence/patient-adherence-note';

/** The patient's "My medicines": today, the steps ahead, refills, reminders and the calendar link. */
export function MyMedicinesPage() {
  const user = useCurrentUser();
  const patientId = user.patientId ?? '';
  return (
    <Stack gap="lg">
      <PageTitle>My medicines</PageTitle>
      <TodayDosesCard patientId={patientId} showPageLink={false} />
      <PatientAdherenceNote patientId={patientId} />
      <PlanAheadCard patientId={patientId} />
      <RefillCard patientId={patientId} />
      <RemindersCard patientId={patientId} />
      <CalendarCard patientId={patientId} />
      <Text size="xs" c="dimmed">
        {NO_E_PRESCRIBING}
      </Text>
    </Stack>
  );
}
