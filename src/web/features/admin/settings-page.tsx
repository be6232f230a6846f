import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { notifications } from '@mantine/notifications';
import type { SubmitEvent } from 'react';
import type { StaffUser } from '../../../shared/accounts/api';
import type { ClinicSettings } from '../../../shared/clinic/api';
import { roleLabel } from '../../components/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { numberFieldError, requiredNumber, useSchemaForm } from '../../lib/schema-form';
import type { NumberRange } from '../../components/number-range';
import { clinicSettingsUpdateSchema } from '../../../shared/clinic/settings';
import { useClinicSettings, useSaveClinicSettings, useStaffUsers } from './api';
import { CrisisResourcesSettings } from './crisis-resources-settings';
import { StaffTwoFactorSetting } from '../accounts/two-factor-clinic-setting';
import {
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
const REVIEW = { min: 1, max: 52, wholeNumber: true };

type SettingsValues = {
  escalationHours: number | string;
  planReviewWeeks: number | string;
  onCallUserId: string;
} & ThresholdValues &
  EscalationValues;

function settingsPayload(v: SettingsValues) {
  return {
    escalationHours: requiredNumber(v.escalationHours),
    planReviewWeeks: requiredNumber(v.planReviewWeeks),
    onCallUserId: v.onCallUserId || null,
    ...thresholdPayload(v),
    ...escalationPayload(v),
  };
}

function SettingsForm({ settings, staff }: { settings: ClinicSettings; staff: StaffUser[] }) {
  const save = useSaveClinicSettings();
  // Checked with the route's own schema (clinicSettingsUpdateSchema: every key against its range) before
  // anything is sent; a refused field shows its range in words and keeps what was typed (issue 17).
  const form = useSchemaForm({
    schema: clinicSettingsUpdateSchema,
    initialValues: (): SettingsValues => ({
      escalationHours: settings.escalationHours,
      planReviewWeeks: settings.planReviewWeeks,
      onCallUserId: settings.onCallUserId ?? '',
      ...initialThresholds(settings),
      ...initialEscalation(settings),
    }),
    toPayload: settingsPayload,
    moreErrors: escalationErrors,
  });
  const numberProps = (key: 'escalationHours' | 'planReviewWeeks', range: NumberRange) => {
    const props = form.getInputProps<number | string>(key);
    return { ...props, error: numberFieldError(props.value, range, props.error) };
  };

  const clinicians = staff
    .filter((u) => u.role !== 'admin' && u.role !== 'patient' && u.status === 'active')
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    save.reset();
    form.submit((payload) =>
      save.mutate(payload, {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Settings saved', message: 'They apply from now on.' }),
        onError: (error) => form.setServerErrors(error),
      }),
    );
  };
  const fieldsMarked = Object.keys(form.errors).some((key) => key !== '');

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
          {...numberProps('escalationHours', ESCALATION)}
          required
        />
        <NumberField
          label="Review treatment plans after (weeks)"
          description="The default review date of a newly agreed plan."
          min={REVIEW.min}
          max={REVIEW.max}
          step={1}
          allowDecimal={false}
          {...numberProps('planReviewWeeks', REVIEW)}
          required
        />
        <NativeSelect
          label="On-call contact"
          description="Receives an unresolved urgent alert first when no care manager can take it, and at once while the clinic is closed."
          {...form.getInputProps('onCallUserId')}
          data={[
            { value: '', label: 'No on-call contact' },
            ...clinicians.map((u) => ({ value: u.id, label: `${u.name} (${roleLabel(u.role)})` })),
          ]}
        />
        <EscalationFields field={form.getInputProps} clinicians={clinicians} />
        <Title order={2} size="h4" mt="sm">
          Clinical thresholds
        </Title>
        <ThresholdFields field={form.getInputProps} />
        {fieldsMarked && (
          <Alert color="red" variant="light" role="alert" title="The settings were not saved">
            Check the fields marked above.
          </Alert>
        )}
        {save.isError && !fieldsMarked && (
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
