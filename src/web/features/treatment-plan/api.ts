import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  NewPlanReview,
  PatientPlanView,
  PlanComment,
  PlanDiff,
  PlanEdit,
  PlanHistoryEntry,
  PlanOverview,
  PlanReview,
  PlanTemplate,
  PlanVersion,
  SafetyPlanAnswer,
} from '../../../shared/treatment-plans/api';
import { inboxKeys } from '../inbox/api';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const planKeys = {
  all: (patientId: string) => ['patients', patientId, 'plan'] as const,
  overview: (patientId: string) => ['patients', patientId, 'plan', 'overview'] as const,
  history: (patientId: string) => ['patients', patientId, 'plan', 'history'] as const,
  diff: (patientId: string, from: number, to: number) =>
    ['patients', patientId, 'plan', 'diff', from, to] as const,
  reviews: (patientId: string) => ['patients', patientId, 'plan', 'reviews'] as const,
  comments: (patientId: string, version: number) =>
    ['patients', patientId, 'plan', 'comments', version] as const,
  patientView: (patientId: string) => ['patients', patientId, 'plan', 'patient-view'] as const,
  safetyPlan: (patientId: string) => ['patients', patientId, 'safety-plan'] as const,
  templates: ['plan-templates'] as const,
};

export function usePlan(patientId: string) {
  return useQuery({
    queryKey: planKeys.overview(patientId),
    queryFn: () => api.get<{ plan: PlanOverview | null }>(`${base(patientId)}/plan`).then((r) => r.plan),
    enabled: patientId !== '',
  });
}

export function usePlanTemplates(enabled = true) {
  return useQuery({
    queryKey: planKeys.templates,
    queryFn: () => api.get<{ templates: PlanTemplate[] }>('/api/plan-templates').then((r) => r.templates),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePlanHistory(patientId: string) {
  return useQuery({
    queryKey: planKeys.history(patientId),
    queryFn: () =>
      api.get<{ entries: PlanHistoryEntry[]; hasMore: boolean }>(`${base(patientId)}/plan/history`),
  });
}

export function usePlanDiff(patientId: string, from: number, to: number) {
  return useQuery({
    queryKey: planKeys.diff(patientId, from, to),
    queryFn: () => api.get<PlanDiff>(`${base(patientId)}/plan/diff?from=${String(from)}&to=${String(to)}`),
    enabled: from > 0 && to > 0 && from !== to,
  });
}

export function usePlanReviews(patientId: string) {
  return useQuery({
    queryKey: planKeys.reviews(patientId),
    queryFn: () => api.get<{ reviews: PlanReview[]; hasMore: boolean }>(`${base(patientId)}/plan/reviews`),
  });
}

export function usePlanComments(patientId: string, versionNumber: number | null) {
  return useQuery({
    queryKey: planKeys.comments(patientId, versionNumber ?? 0),
    queryFn: () =>
      api.get<{ comments: PlanComment[]; hasMore: boolean }>(
        `${base(patientId)}/plan/versions/${String(versionNumber)}/comments`,
      ),
    enabled: versionNumber !== null && patientId !== '',
  });
}

export function usePatientPlanView(patientId: string) {
  return useQuery({
    queryKey: planKeys.patientView(patientId),
    queryFn: () =>
      api.get<{ view: PatientPlanView | null }>(`${base(patientId)}/plan/patient-view`).then((r) => r.view),
    enabled: patientId !== '',
  });
}

export function useSafetyPlan(patientId: string) {
  return useQuery({
    queryKey: planKeys.safetyPlan(patientId),
    queryFn: () => api.get<SafetyPlanAnswer>(`${base(patientId)}/safety-plan`),
    enabled: patientId !== '',
    // The patient may open it offline-ish or in a hurry: keep what we have.
    staleTime: 5 * 60_000,
  });
}

function useInvalidatePlan(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.all(patientId) });
    void queryClient.invalidateQueries({ queryKey: planKeys.safetyPlan(patientId) });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
  };
}

export function useStartPlan(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: (templateId: string | null) =>
      api.post<PlanVersion>(`${base(patientId)}/plan`, templateId ? { templateId } : {}),
    onSuccess: invalidate,
  });
}

export function useNewDraft(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: (reason: string) => api.post<PlanVersion>(`${base(patientId)}/plan/draft`, { reason }),
    onSuccess: invalidate,
  });
}

export function useEditDraft(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: ({ edit, version }: { edit: PlanEdit; version: number }) =>
      api.patch<PlanVersion>(`${base(patientId)}/plan/draft`, edit, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useDraftAction(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: ({
      action,
      version,
      attested,
    }: {
      action: 'sign' | 'submit';
      version: number;
      /** Sign only: the signer ticked the attestation (issue 15). */
      attested?: boolean;
    }) =>
      api.post<PlanVersion>(
        `${base(patientId)}/plan/draft/${action}`,
        action === 'sign' ? { attested: attested === true } : undefined,
        { ifMatch: version },
      ),
    onSettled: invalidate,
  });
}

export function useAcknowledgePlan(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: () => api.post<PlanVersion>(`${base(patientId)}/plan/acknowledge`),
    onSuccess: invalidate,
  });
}

export function useAddPlanComment(patientId: string, versionNumber: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api.post<PlanComment>(`${base(patientId)}/plan/versions/${String(versionNumber)}/comments`, { body }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: planKeys.comments(patientId, versionNumber) }),
  });
}

export function useRecordReview(patientId: string) {
  const invalidate = useInvalidatePlan(patientId);
  return useMutation({
    mutationFn: (review: NewPlanReview) =>
      api.post<{ review: PlanReview; nextDraft: PlanVersion | null }>(
        `${base(patientId)}/plan/reviews`,
        review,
      ),
    onSuccess: invalidate,
  });
}
