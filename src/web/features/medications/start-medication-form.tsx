import {
  Alert as Callout,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { SoftBadge } from '../../components/badges';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../components/query-state';
import { fieldErrors } from './field-errors';
import { newClientId } from '../messaging/api';
import { useCatalogue, useStartMedication, type DoseSchedule } from './api';
import { NO_E_PRESCRIBING } from './medication-words';
import { DOSE_UNITS, FORMS, ROUTES } from './options';
import { defaultSchedule, ScheduleBuilder } from './schedule-builder';
import { StepsEditor, stepsReady, type StepDraft } from './steps-editor';

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The prescriber starts a medication: from the catalogue or by name, dose, schedule, dates, steps, reason. */
export function StartMedicationForm({
  patientId,
  today,
  onDone,
}: {
  patientId: string;
  today: string;
  onDone: () => void;
}) {
  const catalogue = useCatalogue('');
  const start = useStartMedication(patientId);
  const [id, setId] = useState(newClientId);
  const [catalogueId, setCatalogueId] = useState<string | null>(null);
  const [freeText, setFreeText] = useState(false);
  const [name, setName] = useState('');
  const [doseAmount, setDoseAmount] = useState<number | ''>('');
  const [doseUnit, setDoseUnit] = useState('mg');
  const [form, setForm] = useState('tablet');
  const [route, setRoute] = useState('oral');
  const [schedule, setSchedule] = useState<DoseSchedule>(defaultSchedule);
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [instructions, setInstructions] = useState('');
  const [reason, setReason] = useState('');
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const errors = fieldErrors(start.error);
  const entry = catalogue.data?.find((e) => e.id === catalogueId);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (doseAmount === '') return;
    start.mutate(
      {
        id,
        catalogueId: freeText ? null : catalogueId,
        ...(freeText ? { name } : {}),
        form,
        route,
        instructions,
        startDate,
        endDate: endDate === '' ? null : endDate,
        doseAmount,
        doseUnit,
        schedule,
        reason,
        steps: stepsReady(steps).map((s) => ({ ...s, doseUnit })),
      },
      {
        onSuccess: (detail) => {
          notifications.show({
            color: 'green',
            title: 'Medication recorded',
            message: `${detail.medication.name} started.`,
          });
          setId(newClientId());
          onDone();
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-medication-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="start-medication-heading">
            Start a medication
          </Title>
          <Callout color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {NO_E_PRESCRIBING}
          </Callout>
          <Checkbox
            label="Not in the catalogue: record by name"
            checked={freeText}
            onChange={(e) => setFreeText(e.currentTarget.checked)}
          />
          {freeText ? (
            <TextInput
              label="Medication name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
            />
          ) : (
            <Select
              label="Medication"
              placeholder="Search the clinic's catalogue"
              searchable
              required
              nothingFoundMessage="Not in the catalogue: tick 'record by name'"
              data={(catalogue.data ?? []).map((e) => ({
                value: e.id,
                label: `${titleCase(e.genericName)} (${e.drugClass})`,
              }))}
              value={catalogueId}
              onChange={setCatalogueId}
              error={errors.catalogueId ?? (catalogue.isError ? errorMessage(catalogue.error) : undefined)}
            />
          )}
          {entry && !freeText && (
            <Group gap="xs">
              <Text size="xs">
                RxNorm {entry.rxnormCode ?? 'none'} · source: {entry.rxnormSource}
              </Text>
              {entry.rxnormVerified ? (
                <SoftBadge size="xs" color="green">
                  verified
                </SoftBadge>
              ) : (
                <SoftBadge size="xs" color="orange">
                  unverified
                </SoftBadge>
              )}
              {entry.monitoring !== '' && <Text size="xs">Monitoring: {entry.monitoring}</Text>}
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <NumberInput
              label="Dose"
              min={0}
              value={doseAmount}
              onChange={(v) => setDoseAmount(typeof v === 'number' ? v : '')}
              required
              error={errors.doseAmount}
            />
            <Select
              label="Unit"
              data={DOSE_UNITS}
              value={doseUnit}
              onChange={(v) => setDoseUnit(v ?? 'mg')}
              allowDeselect={false}
            />
            <Select
              label="Form"
              data={FORMS}
              value={form}
              onChange={(v) => setForm(v ?? 'tablet')}
              allowDeselect={false}
            />
            <Select
              label="Route"
              data={ROUTES}
              value={route}
              onChange={(v) => setRoute(v ?? 'oral')}
              allowDeselect={false}
            />
          </SimpleGrid>
          <ScheduleBuilder value={schedule} onChange={setSchedule} idPrefix="start" />
          {errors.schedule && (
            <Text size="sm" c="red">
              {errors.schedule}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label="Start date"
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              required
              error={errors.startDate}
            />
            <TextInput
              type="date"
              label="End date (optional)"
              description="Last day; leave empty when ongoing"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={errors.endDate}
            />
          </SimpleGrid>
          <StepsEditor steps={steps} onChange={setSteps} unit={doseUnit} firstDay={startDate} />
          {errors.steps && (
            <Text size="sm" c="red">
              {errors.steps}
            </Text>
          )}
          <Textarea
            label="Instructions for the patient"
            placeholder="For example: take with breakfast"
            autosize
            minRows={2}
            value={instructions}
            onChange={(e) => setInstructions(e.currentTarget.value)}
          />
          <Textarea
            label="Reason"
            description="Kept in the medication's history"
            autosize
            minRows={2}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          {start.isError && Object.keys(errors).length === 0 && (
            <Callout color="red" variant="light">
              {errorMessage(start.error)}
            </Callout>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={doseAmount === '' || reason.trim() === ''}
            >
              Record medication
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
