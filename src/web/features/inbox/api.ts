import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { Alert, InboxCounts, InboxView } from '../../../shared/alerts/api';
import type { NewRiskAssessment, RiskAssessment } from '../../../shared/measures/api';

export type InboxFilter = { view: InboxView; patientId?: string; type?: string };

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (filter: InboxFilter) => ['inbox', 'list', filter] as const,
  counts: ['inbox', 'counts'] as const,
  patient: (patientId: string) => ['patients', patientId, 'alerts'] as const,
};

/** How often the navigation badge asks for fresh counts. */
export const COUNTS_POLL_MS = 30_000;

export function useInbox(filter: InboxFilter) {
  const params = new URLSearchParams({ view: filter.view });
  if (filter.patientId) params.set('patientId', filter.patientId);
  if (filter.type) params.set('type', filter.type);
  return useQuery({
    queryKey: inboxKeys.list(filter),
    // Bounded (issue 19): hasMore when more alerts exist than the inbox lists.
    queryFn: () => api.get<{ alerts: Alert[]; hasMore: boolean }>(`/api/inbox?${params.toString()}`),
    refetchInterval: COUNTS_POLL_MS,
  });
}

export function useInboxCounts(enabled: boolean) {
  return useQuery({
    queryKey: inboxKeys.counts,
    queryFn: () => api.get<InboxCounts>('/api/inbox/counts'),
    refetchInterval: COUNTS_POLL_MS,
    refetchIntervalInBackground: false,
    enabled,
  });
}

function patientAlertsQuery(patientId: string) {
  return {
    queryKey: inboxKeys.patient(patientId),
    queryFn: () =>
      api.get<{ alerts: Alert[]; hasMore: boolean }>(`/api/patients/${encodeURIComponent(patientId)}/alerts`),
  };
}

export function usePatientAlerts(patientId: string) {
  return useQuery({ ...patientAlertsQuery(patientId), select: (r) => r.alerts });
}

/** The list is bounded (issue 19): true when older resolved alerts are not listed. */
export function usePatientAlertsCut(patientId: string): boolean {
  return useQuery({ ...patientAlertsQuery(patientId), select: (r) => r.hasMore }).data === true;
}

export type AlertChange = { alert: Alert } & ({ to: 'acknowledged' } | { to: 'resolved'; note: string });

/** Acknowledge or resolve one alert with If-Match; every inbox list and the patient's history refresh. */
export function useChangeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AlertChange) => {
      const path = `/api/alerts/${encodeURIComponent(change.alert.id)}`;
      return change.to === 'acknowledged'
        ? api.post<Alert>(`${path}/acknowledge`, undefined, { ifMatch: change.alert.version })
        : api.post<Alert>(`${path}/resolve`, { note: change.note }, { ifMatch: change.alert.version });
    },
    onSettled: (_data, _error, change) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(change.alert.patientId) });
    },
  });
}

/**
 * Records the risk assessment that follows a safety alert, through the alert (issue 12), so the on-call
 * clinician or clinical lead it was escalated to can record it too. Refreshes the inbox and the patient.
 */
export function useRecordAlertAssessment(alert: Alert) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<NewRiskAssessment, 'alertId' | 'responseId'>) =>
      api.post<RiskAssessment>(`/api/alerts/${alert.id}/risk-assessments`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['patients', alert.patientId] });
    },
  });
}
