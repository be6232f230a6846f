import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import type * as cs from '../../../shared/medication-safety/clinic-safety-schemas';

// The clinic's own safety data (issue 11): laboratory thresholds and other names of catalogue entries.
export type LabRangeSetting = z.output<typeof cs.labRangeSettingSchema>;
export type LabRangeSettings = z.output<typeof cs.labRangeSettingsSchema>;
export type CatalogueOtherName = z.output<typeof cs.catalogueOtherNameSchema>;

const keys = {
  labRanges: ['admin', 'lab-ranges'] as const,
  otherNames: ['medication-catalogue', 'other-names'] as const,
};

export function useLabRanges() {
  return useQuery({
    queryKey: keys.labRanges,
    queryFn: () => api.get<LabRangeSettings>('/api/admin/lab-ranges'),
  });
}

export function useSetLabThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, thresholds }: { id: string; version: number; thresholds: number[] }) =>
      api.put<LabRangeSetting>(
        `/api/admin/lab-ranges/${encodeURIComponent(id)}`,
        { thresholds },
        { ifMatch: version },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.labRanges }),
  });
}

export function useResetLabThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<LabRangeSetting>(`/api/admin/lab-ranges/${encodeURIComponent(id)}`, { ifMatch: version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.labRanges }),
  });
}

/** Other names the clinic added (staff read them: the prescribing form resolves them as the server does). */
export function useOtherNames(enabled = true) {
  return useQuery({
    queryKey: keys.otherNames,
    queryFn: () =>
      api.get<{ names: CatalogueOtherName[] }>('/api/medication-catalogue/other-names').then((r) => r.names),
    staleTime: 60_000,
    enabled,
  });
}

export function useAddOtherName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, name }: { entryId: string; name: string }) =>
      api.post<CatalogueOtherName>(
        `/api/admin/medication-catalogue/${encodeURIComponent(entryId)}/other-names`,
        { name },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.otherNames }),
  });
}

export function useRemoveOtherName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, nameId }: { entryId: string; nameId: string }) =>
      api.delete<null>(
        `/api/admin/medication-catalogue/${encodeURIComponent(entryId)}/other-names/${encodeURIComponent(nameId)}`,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.otherNames }),
  });
}
