import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { NumberField } from '../../components/number-field';
import { numberRangeError } from '../../components/number-range';
import { useState } from 'react';
import { formatDay } from '../../components/format';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { useMedications } from '../medications/api';
import { newClientId } from '../messaging/api';
import type { NewSupply } from '../../../shared/doses/schemas';
import { useRecordSupply, useSupplies } from './api';
import { ShowingLatest } from '../../components/showing-latest';
import { runsOutText } from './words';

const QUANTITY = { min: 0.5, max: 100_000 };
const STRENGTH = { min: 0 };

/** Refill forecast: record how many tablets (or doses) you have; Duet works out when they run out. */
export function RefillCard({ patientId }: { patientId: string }) {
  const supplies = useSupplies(patientId);
  const meds = useMedications(patientId);
  const record = useRecordSupply(patientId);
  const options = (meds.data?.medications ?? []).filter((m) => m.status !== 'stopped');
  const [medicationId, setMedicationId] = useState('');
  const [quantity, setQuantity] = useState<number | string>('');
  const [strength, setStrength] = useState<number | string>('');
  const [pending, setPending] = useState<NewSupply | null>(null);
  const chosen = options.find((m) => m.id === medicationId) ?? options[0];
  const unit = chosen?.current?.doseUnit ?? 'mg';

  // Issue 17: a count outside the range is refused at its field (NumberField), never changed.
  const outOfRange =
    numberRangeError(quantity, QUANTITY) !== null || numberRangeError(strength, STRENGTH) !== null;
  const save = () => {
    if (!chosen || typeof quantity !== 'number' || outOfRange) return;
    const body: NewSupply = pending ?? {
      id: newClientId(),
      medicationId: chosen.id,
      quantity,
      unitStrength: typeof strength === 'number' ? strength : null,
    };
    setPending(body);
    record.mutate(body, {
      onSuccess: () => {
        setPending(null);
        setQuantity('');
        setStrength('');
      },
    });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="refill-heading">
      <Title order={2} size="h3" id="refill-heading" mb={4}>
        Refills
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Count what you have and Duet shows when it runs out. We remind you 7 days before.
      </Text>
      {supplies.isPending && <LoadingState label="Loading your supplies…" />}
      {supplies.isError && <ErrorState error={supplies.error} onRetry={() => void supplies.refetch()} />}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} mb="md">
        {(supplies.data?.supplies ?? []).map((s) => (
          <li key={s.supplyId}>
            <Text fw={700}>{s.name}</Text>
            <Text size="sm" c={s.lowSupply ? 'orange.9' : undefined} fw={s.lowSupply ? 700 : undefined}>
              {runsOutText(s.daysLeft)}
              {s.runsOutOn ? ` (${formatDay(s.runsOutOn)})` : ''}
              {s.basis === 'as_needed_max' ? ', if taken as often as allowed' : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {String(s.quantity)} counted on {formatDay(s.countedOn)}, about{' '}
              {String(Math.floor(s.unitsLeftToday))} left today
            </Text>
          </li>
        ))}
      </Stack>
      {supplies.data && (
        <ShowingLatest
          shown={supplies.data.supplies.length}
          hasMore={supplies.data.hasMore}
          what="medicines' counts (current medicines first)"
        />
      )}
      {options.length > 0 && (
        <Stack
          gap="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          aria-label="Record a supply"
        >
          <NativeSelect
            label="Medicine"
            size="md"
            data={options.map((m) => ({ value: m.id, label: m.name }))}
            value={chosen?.id ?? ''}
            onChange={(e) => {
              setMedicationId(e.currentTarget.value);
              setPending(null);
            }}
          />
          <Group grow align="flex-start" gap="sm">
            <NumberField
              label="How many do you have?"
              description="Tablets, capsules or doses"
              size="md"
              min={QUANTITY.min}
              max={QUANTITY.max}
              value={quantity}
              onChange={(v) => {
                setQuantity(v);
                setPending(null);
              }}
              required
            />
            <NumberField
              label={`Strength of one (${unit})`}
              description="Leave empty if one is one dose"
              size="md"
              min={STRENGTH.min}
              value={strength}
              onChange={(v) => {
                setStrength(v);
                setPending(null);
              }}
            />
          </Group>
          <Button
            type="submit"
            size="md"
            loading={record.isPending}
            disabled={typeof quantity !== 'number' || outOfRange}
          >
            {pending && record.isError ? 'Try again' : 'Save count'}
          </Button>
          {record.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(record.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
