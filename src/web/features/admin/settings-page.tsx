import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { notifications } from '@mantine/notifications';
import { useState, type SubmitEvent } from 'react';
import type { StaffUser } from '../../../shared/accounts/api';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { fieldErrorsFrom } from '../../components/validation-details';
import { useClinicSettings, useSaveClinicSettings, useStaffUsers } from './api';
import { CrisisResourcesSettings } from './crisis-resources-settings';
import { StaffTwoFactorSetting } from '../accounts/two-factor-clinic-setting';
import {
  anyThresholdError,
  initialThresholds,
  thresholdPayload,
  ThresholdFields,
  type ThresholdValues,
} from './threshold-fields';
import {
  EscalationFields,
  escalationErrors,
  escalationPayload,
  initialEscalation,
  type EscalationValues,
} from './escalation-fields';

const ESCALATION = { min: 0.25, max: 72 };
const REVIEW = { min: 1, max: 52 };

function SettingsForm({ settings, staff }: { settings: ClinicSettings; staff: StaffUser[] }) {
  const save = useSaveClinicSettings();
  const [hours, setHours] = useState<number | string>(settings.escalationHours);
  const [weeks, setWeeks] = useState<number | string>(settings.planReviewWeeks);
  const [onCall, setOnCall] = useState(settings.onCallUserId ?? '');
  const [thresholds, setThresholds] = useState<ThresholdValues>(() => initialThresholds(settings));
  const [escalation, setEscalation] = useState<EscalationValues>(() => initialEscalation(settings));
  const serverErrors = fieldErrorsFrom(save.error);

  const hoursNumber = typeof hours === 'number' ? hours : Number.NaN;
  const weeksNumber = typeof weeks === 'number' ? weeks : Number.NaN;
  const hoursError =
    Number.isFinite(hoursNumber) && hoursNumber >= ESCALATION.min && hoursNumber <= ESCALATION.max
      ? serverErrors.escalationHours
      : 'Between a quarter of an hour and 72 hours.';
  const weeksError =
    Number.isInteger(weeksNumber) && weeksNumber >= REVIEW.min && weeksNumber <= REVIEW.max
      ? serverErrors.planReviewWeeks
      : 'A whole number of weeks, 1 to 52.';
  const [showErrors, setShowErrors] = useState(false);

  const clinicians = staff
    .filter((u) => u.role !== 'admin' && u.role !== 'patient' && u.status === 'active')
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setShowErrors(true);
    const escalationProblem = Object.values(escalationErrors(escalation)).some(Boolean);
    if (hoursError || weeksError || anyThresholdError(thresholds) || escalationProblem) return;
    save.mutate(
      {
        escalationHours: hoursNumber,
        planReviewWeeks: weeksNumber,
        onCallUserId: onCall || null,
        ...thresholdPayload(thresholds),
        ...escalationPayload(escalation),
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Settings saved', message: 'They apply from now on.' }),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        <NumberField
          label="Escalate unresolved urgent alerts after (clinic hours)"
          description="When an urgent alert is not resolved in this many clinic hours, it goes to the next person in the chain below; acknowledging holds it back only for the pause set under Urgent alerts."
          min={ESCALATION.min}
          max={ESCALATION.max}
          step={0.5}
          decimalScale={2}
          value={hours}
          onChange={setHours}
          error={showErrors ? hoursError : undefined}
          required
        />
        <NumberField
          label="Review treatment plans after (weeks)"
          description="The default review date of a newly agreed plan."
          min={REVIEW.min}
          max={REVIEW.max}
          step={1}
          allowDecimal={false}
          value={weeks}
          onChange={setWeeks}
          error={showErrors ? weeksError : undefined}
          required
        />
        <NativeSelect
          label="On-call contact"
          description="Receives an unresolved urgent alert first when no care manager can take it, and at once while the clinic is closed."
          value={onCall}
          onChange={(e) => setOnCall(e.currentTarget.value)}
          error={serverErrors.onCallUserId}
          data={[
            { value: '', label: 'No on-call contact' },
            ...clinicians.map((u) => ({ value: u.id, label: `${u.name} (${roleLabel(u.role)})` })),
          ]}
        />
        <EscalationFields
          values={escalation}
          onChange={setEscalation}
          clinicians={clinicians}
          showErrors={showErrors}
          serverErrors={serverErrors}
        />
        <Title order={2} size="h4" mt="sm">
          Clinical thresholds
        </Title>
        <ThresholdFields
          values={thresholds}
          onChange={(key, value) => setThresholds((t) => ({ ...t, [key]: value }))}
          showErrors={showErrors}
          serverErrors={serverErrors}
        />
        {save.isError && Object.keys(serverErrors).length === 0 && (
          <Alert color="red" variant="light" role="alert" title="The settings were not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ClinicSettingsPage() {
  const settings = useClinicSettings();
  const staff = useStaffUsers();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Clinic settings</PageTitle>
        <Text c="dimmed">
          How Duet escalates alerts, schedules plan reviews and decides when a patient needs attention at this
          clinic.
        </Text>
      </div>
      {(settings.isPending || staff.isPending) && <LoadingState label="Loading settings…" />}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {staff.isError && <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />}
      {settings.data && staff.data && <SettingsForm settings={settings.data} staff={staff.data} />}
      {settings.data && <CrisisResourcesSettings settings={settings.data} />}
      {settings.data && <StaffTwoFactorSetting settings={settings.data} />}
    </Stack>
  );
}
