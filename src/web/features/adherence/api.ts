import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { AdherenceSummary } from '../../../shared/adherence/api';

export const adherenceKeys = {
  summary: (patientId: string) => ['patients', patientId, 'adherence'] as const,
};

/** Doses taken / scheduled over 7, 30 and 90 days, streaks and pattern (care team and the patient). */
export function useAdherence(patientId: string) {
  return useQuery({
    queryKey: adherenceKeys.summary(patientId),
    queryFn: () => api.get<AdherenceSummary>(`/api/patients/${encodeURIComponent(patientId)}/adherence`),
    enabled: patientId !== '',
  });
}
