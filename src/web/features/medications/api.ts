import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import type * as m from '../../../shared/medications/schemas';
import type * as ps from '../../../shared/medication-safety/prescribing-schemas';

// Types straight from the server's zod schemas (type-only imports).
export type CatalogueEntry = z.output<typeof m.catalogueEntrySchema>;
export type CatalogueInput = z.input<typeof m.catalogueInputSchema>;
export type Medication = z.output<typeof m.medicationSchema>;
export type MedicationPeriod = Medication['periods'][number];
export type MedicationChange = z.output<typeof m.medicationChangeSchema>;
export type MedicationList = z.output<typeof m.medicationListSchema>;
export type MedicationDetail = z.output<typeof m.medicationDetailSchema>;
export type StartMedicationInput = z.input<typeof m.startMedicationSchema>;
export type MedicationChangeInput = z.input<typeof m.medicationChangeInputSchema>;
export type DoseSchedule = z.input<typeof m.doseScheduleSchema>;
export type MonitoringView = z.output<typeof m.monitoringViewSchema>;
export type MonitoringItem = MonitoringView['items'][number];
export type MonitoringResultInput = z.input<typeof m.monitoringResultInputSchema>;

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const medicationKeys = {
  catalogue: (q: string, includeInactive: boolean) => ['medication-catalogue', q, includeInactive] as const,
  catalogueAll: ['medication-catalogue'] as const,
  all: (patientId: string) => ['patients', patientId, 'medications'] as const,
  list: (patientId: string) => ['patients', patientId, 'medications', 'list'] as const,
  one: (patientId: string, medicationId: string) =>
    ['patients', patientId, 'medications', medicationId] as const,
  monitoring: (patientId: string) => ['patients', patientId, 'medications', 'monitoring'] as const,
};

export function useCatalogue(q: string, includeInactive = false) {
  return useQuery({
    queryKey: medicationKeys.catalogue(q, includeInactive),
    queryFn: () => {
      const params = new URLSearchParams();
      if (q.trim() !== '') params.set('q', q.trim());
      if (includeInactive) params.set('includeInactive', 'true');
      const qs = params.toString();
      return api
        .get<{ entries: CatalogueEntry[] }>(`/api/medication-catalogue${qs ? `?${qs}` : ''}`)
        .then((r) => r.entries);
    },
    staleTime: 60_000,
  });
}

export function useAddCatalogueEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CatalogueInput) => api.post<CatalogueEntry>('/api/admin/medication-catalogue', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: medicationKeys.catalogueAll }),
  });
}

export function useEditCatalogueEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: CatalogueInput }) =>
      api.put<CatalogueEntry>(`/api/admin/medication-catalogue/${encodeURIComponent(id)}`, body, {
        ifMatch: version,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: medicationKeys.catalogueAll }),
  });
}

export function useMedications(patientId: string) {
  return useQuery({
    queryKey: medicationKeys.list(patientId),
    queryFn: () => api.get<MedicationList>(`${base(patientId)}/medications`),
    enabled: patientId !== '',
  });
}

export function useMedication(patientId: string, medicationId: string | null) {
  return useQuery({
    queryKey: medicationKeys.one(patientId, medicationId ?? ''),
    queryFn: () =>
      api.get<MedicationDetail>(`${base(patientId)}/medications/${encodeURIComponent(medicationId ?? '')}`),
    enabled: patientId !== '' && medicationId !== null,
  });
}

/** Starts a medication; the id is made before the first attempt, so a retry never records it twice. */
export function useStartMedication(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartMedicationInput) =>
      api.post<MedicationDetail>(`${base(patientId)}/medications`, body),
    retry: retryTransient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: medicationKeys.all(patientId) }),
  });
}

export function useChangeMedication(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      medicationId,
      version,
      body,
    }: {
      medicationId: string;
      version: number;
      body: MedicationChangeInput;
    }) =>
      api.post<MedicationDetail>(
        `${base(patientId)}/medications/${encodeURIComponent(medicationId)}/changes`,
        body,
        {
          ifMatch: version,
        },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: medicationKeys.all(patientId) }),
  });
}

export function useMonitoring(patientId: string) {
  return useQuery({
    queryKey: medicationKeys.monitoring(patientId),
    queryFn: () => api.get<MonitoringView>(`${base(patientId)}/medication-monitoring`),
    enabled: patientId !== '',
  });
}

export function useRecordMonitoringResult(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringResultInput) =>
      api.post<{ view: MonitoringView }>(`${base(patientId)}/medication-monitoring/results`, body),
    retry: retryTransient,
    onSuccess: (answer) => queryClient.setQueryData(medicationKeys.monitoring(patientId), answer.view),
  });
}

export type PrescribingContext = z.output<typeof ps.prescribingContextSchema>;

/** What the prescribing form's checks need (issue 11); the one being changed left out of "other medicines". */
export function usePrescribingContext(patientId: string, exceptMedicationId: string | null = null) {
  return useQuery({
    queryKey: [...medicationKeys.all(patientId), 'prescribing-context', exceptMedicationId ?? ''] as const,
    queryFn: () =>
      api.get<PrescribingContext>(
        `${base(patientId)}/prescribing-context${exceptMedicationId ? `?exceptMedicationId=${encodeURIComponent(exceptMedicationId)}` : ''}`,
      ),
    enabled: patientId !== '',
  });
}
