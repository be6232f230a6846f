import { Stack, Switch, Text } from '@mantine/core';
import { errorMessage } from '../../components/query-state';
import { useSetLabProfile, type LabProfile } from './monitoring-api';

/** Clozapine: which ANC table applies (general population or benign ethnic neutropenia; clozapine label). */
export function AncTableSwitch({
  patientId,
  profile,
  medicationName,
  canEdit,
}: {
  patientId: string;
  profile: LabProfile;
  medicationName: string;
  canEdit: boolean;
}) {
  const save = useSetLabProfile(patientId);
  return (
    <Stack gap={2}>
      <Switch
        label={`Benign ethnic neutropenia: use the BEN ANC table for ${medicationName} (normal from 1000/uL)`}
        checked={profile.benignEthnicNeutropenia}
        disabled={!canEdit || save.isPending}
        onChange={(e) =>
          save.mutate({
            medicationId: profile.medicationId,
            version: profile.version,
            benignEthnicNeutropenia: e.currentTarget.checked,
          })
        }
      />
      {save.isError && (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      )}
    </Stack>
  );
}
