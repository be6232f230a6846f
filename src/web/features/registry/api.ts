import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  CaseReviewMark,
  CaseReviewSession,
  CaseReviewSessionDetail,
  NewCaseReviewSession,
  PatientCaseReview,
  RegistryResponse,
  RegistryScope,
} from '../../../shared/registry/api';
import { inboxKeys } from '../inbox/api';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const registryKeys = {
  registry: (scope: RegistryScope) => ['registry', scope] as const,
  allRegistry: ['registry'] as const,
  patient: (patientId: string) => ['patients', patientId, 'case-review'] as const,
  sessions: ['case-reviews'] as const,
  session: (id: string) => ['case-reviews', id] as const,
};

/** The whole registry for a scope; sorting and filtering happen locally with the shared pure functions. */
export function useRegistry(scope: RegistryScope) {
  return useQuery({
    queryKey: registryKeys.registry(scope),
    queryFn: () => api.get<RegistryResponse>(`/api/registry?scope=${scope}`),
    refetchInterval: 60_000,
  });
}

export function usePatientCaseReview(patientId: string) {
  return useQuery({
    queryKey: registryKeys.patient(patientId),
    queryFn: () => api.get<PatientCaseReview>(`${base(patientId)}/case-review`),
    enabled: patientId !== '',
  });
}

function useInvalidateCaseReview(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: registryKeys.patient(patientId) });
    void queryClient.invalidateQueries({ queryKey: registryKeys.allRegistry });
    void queryClient.invalidateQueries({ queryKey: registryKeys.sessions });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  };
}

export function useMarkForCaseReview(patientId: string) {
  const invalidate = useInvalidateCaseReview(patientId);
  return useMutation({
    mutationFn: (reason: string) =>
      api.put<CaseReviewMark>(`${base(patientId)}/case-review/mark`, { reason }),
    onSuccess: invalidate,
  });
}

export function useUnmarkForCaseReview(patientId: string) {
  const invalidate = useInvalidateCaseReview(patientId);
  return useMutation({
    mutationFn: () => api.delete<undefined>(`${base(patientId)}/case-review/mark`),
    onSuccess: invalidate,
  });
}

export function useCaseReviewSessions() {
  return useQuery({
    queryKey: registryKeys.sessions,
    queryFn: () => api.get<{ sessions: CaseReviewSession[]; hasMore: boolean }>('/api/case-reviews'),
  });
}

export function useCaseReviewSession(sessionId: string) {
  return useQuery({
    queryKey: registryKeys.session(sessionId),
    queryFn: () => api.get<CaseReviewSessionDetail>(`/api/case-reviews/${encodeURIComponent(sessionId)}`),
    enabled: sessionId !== '',
  });
}

export function useCreateCaseReviewSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCaseReviewSession) => api.post<CaseReviewSession>('/api/case-reviews', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: registryKeys.sessions }),
  });
}
