import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import { useSessionQuery } from '../../app/session';
import { sendOrQueue } from '../../lib/offline-queue';
import type * as schemas from '../../../shared/side-effects/schemas';
import { inboxKeys } from '../inbox/api';
import { messagingKeys } from '../messaging/api';

export type SideEffectReport = z.infer<typeof schemas.sideEffectReportSchema>;
export type ReportAnswer = z.infer<typeof schemas.reportAnswerSchema>;
export type ReportForm = z.infer<typeof schemas.reportFormSchema>;
export type SuspectableMedication = ReportForm['medications'][number];
export type SubmitReportResult = z.infer<typeof schemas.submitReportResultSchema>;
export type NewSideEffectReport = z.input<typeof schemas.newSideEffectReportSchema>;
export type NewAnswer = z.input<typeof schemas.newAnswerSchema>;

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/side-effects`;

export const sideEffectKeys = {
  all: (patientId: string) => ['patients', patientId, 'side-effects'] as const,
  form: (patientId: string) => ['patients', patientId, 'side-effects', 'form'] as const,
  reports: (patientId: string) => ['patients', patientId, 'side-effects', 'reports'] as const,
};

/** The patient's current medications with today's dose, to pick the suspected one. */
export function useReportForm(patientId: string) {
  return useQuery({
    queryKey: sideEffectKeys.form(patientId),
    queryFn: () => api.get<ReportForm>(`${base(patientId)}/form`),
    enabled: patientId !== '',
  });
}

function reportsQuery(patientId: string) {
  return {
    queryKey: sideEffectKeys.reports(patientId),
    queryFn: () => api.get<{ reports: SideEffectReport[]; hasMore: boolean }>(base(patientId)),
    enabled: patientId !== '',
  };
}

export function useSideEffectReports(patientId: string) {
  return useQuery({ ...reportsQuery(patientId), select: (r) => r.reports });
}

/** The list is bounded (issue 19): true when older reports are not listed. */
export function useSideEffectReportsCut(patientId: string): boolean {
  return useQuery({ ...reportsQuery(patientId), select: (r) => r.hasMore }).data === true;
}

/**
 * Sends a report. The id is made before the first attempt, so a retry never makes a second report. Without a
 * network the report waits on the phone (null: not sent yet) and is sent with its id later (issue 17).
 */
export function useSubmitSideEffectReport(patientId: string) {
  const queryClient = useQueryClient();
  const userId = useSessionQuery().data?.user.id ?? '';
  return useMutation({
    mutationFn: async (body: NewSideEffectReport): Promise<SubmitReportResult | null> => {
      const result = await sendOrQueue<SubmitReportResult>({
        id: body.id,
        userId,
        kind: 'side_effect',
        label: 'Side-effect report',
        method: 'POST',
        path: base(patientId),
        body,
      });
      return result.sent ? result.answer : null;
    },
    networkMode: 'always',
    retry: retryTransient,
    onSuccess: (result) => {
      if (result !== null) void queryClient.invalidateQueries({ queryKey: sideEffectKeys.all(patientId) });
    },
  });
}

/** The prescriber answers a report (message, dose change, or advice); retry-safe on the answer's id. */
export function useAnswerReport(patientId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAnswer) =>
      api.post<SideEffectReport>(`${base(patientId)}/${encodeURIComponent(reportId)}/answers`, body),
    retry: retryTransient,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sideEffectKeys.all(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.counts });
      void queryClient.invalidateQueries({ queryKey: messagingKeys.conversations(patientId) });
    },
  });
}
