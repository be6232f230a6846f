import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { retryTransient } from '../../app/retry';
import type {
  AgendaItem,
  AgendaItemChange,
  AgendaList,
  NewAgendaItem,
} from '../../../shared/visit-agenda/api';
import type { VisitSummary } from '../../../shared/visit-agenda/visit-summary-schema';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/agenda-items`;

export const visitKeys = {
  agenda: (patientId: string) => ['patients', patientId, 'agenda-items'] as const,
  agendaFor: (patientId: string, appointmentId: string | null) =>
    ['patients', patientId, 'agenda-items', appointmentId ?? 'all'] as const,
  summary: (patientId: string, appointmentId: string) =>
    ['patients', patientId, 'visit-summary', appointmentId] as const,
};

/**
 * The patient's own items (all), or the items for one appointment (the clinician's view of it); bounded at
 * AGENDA_ITEMS_MAX, every open item first (`hasMore` when older discussed ones are left out).
 */
export function useAgenda(patientId: string, appointmentId: string | null = null) {
  return useQuery({
    queryKey: visitKeys.agendaFor(patientId, appointmentId),
    queryFn: () =>
      api.get<AgendaList>(
        appointmentId
          ? `${base(patientId)}?appointmentId=${encodeURIComponent(appointmentId)}`
          : base(patientId),
      ),
    enabled: patientId !== '',
  });
}

function useInvalidate(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: visitKeys.agenda(patientId) });
    void queryClient.invalidateQueries({ queryKey: ['patients', patientId, 'visit-summary'] });
  };
}

/** Adds an item; the id is made before the first attempt, so a retry never adds it twice. */
export function useAddAgendaItem(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (body: NewAgendaItem) => api.post<AgendaItem>(base(patientId), body),
    retry: retryTransient,
    onSuccess: invalidate,
  });
}

export function useChangeAgendaItem(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ item, change }: { item: AgendaItem; change: AgendaItemChange }) =>
      api.patch<AgendaItem>(`${base(patientId)}/${encodeURIComponent(item.id)}`, change, {
        ifMatch: item.version,
      }),
    onSettled: invalidate,
  });
}

export function useDeleteAgendaItem(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (item: AgendaItem) =>
      api.delete<null>(`${base(patientId)}/${encodeURIComponent(item.id)}`, { ifMatch: item.version }),
    onSettled: invalidate,
  });
}

export function useMarkDiscussed(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (item: AgendaItem) =>
      api.post<AgendaItem>(`${base(patientId)}/${encodeURIComponent(item.id)}/discussed`, undefined, {
        ifMatch: item.version,
      }),
    onSettled: invalidate,
  });
}

export const summaryPath = (patientId: string, appointmentId: string) =>
  `/api/patients/${encodeURIComponent(patientId)}/appointments/${encodeURIComponent(appointmentId)}/visit-summary`;

export function useVisitSummary(patientId: string, appointmentId: string) {
  return useQuery({
    queryKey: visitKeys.summary(patientId, appointmentId),
    queryFn: () => api.get<VisitSummary>(summaryPath(patientId, appointmentId)),
    enabled: patientId !== '' && appointmentId !== '',
  });
}
