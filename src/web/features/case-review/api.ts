import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  CareContact,
  MinutesReport,
  NewCareContact,
  PatientContacts,
} from '../../../shared/care-contacts/api';
import type {
  CaseReviewList,
  CloseRecommendation,
  MyRecommendation,
} from '../../../shared/case-review/recommendations';
import type { NewRecommendation, Recommendation } from '../../../shared/registry/api';
import { inboxKeys } from '../inbox/api';
import { registryKeys } from '../registry/api';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const caseReviewKeys = {
  contacts: (patientId: string) => ['patients', patientId, 'care-contacts'] as const,
  minutes: (month: string) => ['care-minutes', month] as const,
  allMinutes: ['care-minutes'] as const,
  mine: ['case-review', 'my-recommendations'] as const,
  list: (scope: 'marked' | 'caseload') => ['case-review', 'list', scope] as const,
  all: ['case-review'] as const,
};

export function usePatientContacts(patientId: string) {
  return useQuery({
    queryKey: caseReviewKeys.contacts(patientId),
    queryFn: () => api.get<PatientContacts>(`${base(patientId)}/care-contacts`),
    enabled: patientId !== '',
  });
}

/** Logs a contact; the last contact, the registry and the minutes are read again. */
export function useLogContact(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCareContact) => api.post<CareContact>(`${base(patientId)}/care-contacts`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseReviewKeys.contacts(patientId) });
      void queryClient.invalidateQueries({ queryKey: caseReviewKeys.allMinutes });
      void queryClient.invalidateQueries({ queryKey: registryKeys.allRegistry });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
}

/** Care-manager minutes per patient for a month ('' = this month in the clinic's zone). */
export function useCareMinutes(month = '') {
  return useQuery({
    queryKey: caseReviewKeys.minutes(month),
    queryFn: () =>
      api.get<MinutesReport>(`/api/care-minutes${month === '' ? '' : `?month=${encodeURIComponent(month)}`}`),
  });
}

export function useMyRecommendations() {
  return useQuery({
    queryKey: caseReviewKeys.mine,
    queryFn: () =>
      api.get<{ recommendations: MyRecommendation[]; hasMore: boolean }>(
        '/api/case-review/my-recommendations',
      ),
  });
}

export function useCaseReviewList(scope: 'marked' | 'caseload') {
  return useQuery({
    queryKey: caseReviewKeys.list(scope),
    queryFn: () => api.get<CaseReviewList>(`/api/case-review/list?scope=${scope}`).then((r) => r.patients),
  });
}

function useInvalidateRecommendations(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: registryKeys.patient(patientId) });
    void queryClient.invalidateQueries({ queryKey: registryKeys.sessions });
    void queryClient.invalidateQueries({ queryKey: caseReviewKeys.all });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
}

/** Records a recommendation (assignee and due date included). */
export function useRecordRecommendation(patientId: string) {
  const invalidate = useInvalidateRecommendations(patientId);
  return useMutation({
    mutationFn: (body: NewRecommendation) =>
      api.post<Recommendation>(`${base(patientId)}/case-review/recommendations`, body),
    onSuccess: invalidate,
  });
}

/** Marks a recommendation done or declined, at the version shown. */
export function useCloseRecommendation(patientId: string) {
  const invalidate = useInvalidateRecommendations(patientId);
  return useMutation({
    mutationFn: ({ r, body }: { r: Recommendation; body: CloseRecommendation }) =>
      api.post<Recommendation>(
        `${base(patientId)}/case-review/recommendations/${encodeURIComponent(r.id)}/close`,
        body,
        { ifMatch: r.version },
      ),
    onSuccess: invalidate,
  });
}
