import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  NewSessionFeedback,
  NewTreatmentRating,
  SessionFeedback,
  SessionFeedbackForm,
  SessionFeedbackList,
  TreatmentRatingRound,
  TreatmentRatings,
} from '../../../shared/feedback/schemas';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const feedbackKeys = {
  all: (patientId: string) => ['patients', patientId, 'feedback'] as const,
  sessions: (patientId: string) => ['patients', patientId, 'feedback', 'sessions'] as const,
  form: (patientId: string, appointmentId: string) =>
    ['patients', patientId, 'feedback', 'form', appointmentId] as const,
  ratings: (patientId: string) => ['patients', patientId, 'feedback', 'ratings'] as const,
};

/** Every answer (oldest first) and the sessions still waiting for one. */
export function useSessionFeedback(patientId: string) {
  return useQuery({
    queryKey: feedbackKeys.sessions(patientId),
    queryFn: () => api.get<SessionFeedbackList>(`${base(patientId)}/session-feedback`),
    enabled: patientId !== '',
  });
}

export function useSessionFeedbackForm(patientId: string, appointmentId: string) {
  return useQuery({
    queryKey: feedbackKeys.form(patientId, appointmentId),
    queryFn: () =>
      api.get<SessionFeedbackForm>(
        `${base(patientId)}/session-feedback/sessions/${encodeURIComponent(appointmentId)}`,
      ),
    enabled: patientId !== '' && appointmentId !== '',
    retry: false,
  });
}

/** The body carries an id made before the first attempt: a retry finds the first answer. */
export function useSubmitSessionFeedback(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSessionFeedback) =>
      api.post<{ feedback: SessionFeedback }>(`${base(patientId)}/session-feedback`, body),
    retry: retryTransient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.all(patientId) }),
  });
}

export function useTreatmentRatings(patientId: string) {
  return useQuery({
    queryKey: feedbackKeys.ratings(patientId),
    queryFn: () => api.get<TreatmentRatings>(`${base(patientId)}/treatment-ratings`),
    enabled: patientId !== '',
  });
}

export function useSubmitTreatmentRating(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTreatmentRating) =>
      api.post<{ round: TreatmentRatingRound }>(`${base(patientId)}/treatment-ratings`, body),
    retry: retryTransient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.all(patientId) }),
  });
}
