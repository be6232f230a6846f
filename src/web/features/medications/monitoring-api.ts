import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import type * as labs from '../../../shared/medication-safety/lab-schemas';
import { medicationKeys, type MonitoringView } from './api';

// Laboratory results (issue 11): the ANC table per clozapine record; results go through api.ts.
export type LabProfile = z.output<typeof labs.labProfileSchema>;
export type LabInterpretation = z.output<typeof labs.labInterpretationSchema>;
export type MonitoringResultView = MonitoringView['results'][number];

export function useSetLabProfile(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { medicationId: string; version: number; benignEthnicNeutropenia: boolean }) =>
      api.put<LabProfile>(
        `/api/patients/${encodeURIComponent(patientId)}/medications/${encodeURIComponent(input.medicationId)}/lab-profile`,
        { benignEthnicNeutropenia: input.benignEthnicNeutropenia },
        { ifMatch: input.version },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: medicationKeys.monitoring(patientId) }),
  });
}
