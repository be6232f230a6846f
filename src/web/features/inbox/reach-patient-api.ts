import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { AlertPatientSummary } from '../../../shared/alerts/patient-summary';

/**
 * "Reach the patient" for one alert (issue 12): loaded only when the clinician asks for it, because every
 * read is recorded in the patient's access report. Not refetched on focus or on the inbox's polling.
 */
export function useAlertPatientSummary(alertId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['alerts', alertId, 'patient-summary'],
    queryFn: () => api.get<AlertPatientSummary>(`/api/alerts/${encodeURIComponent(alertId)}/patient-summary`),
    enabled,
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
