import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { useSessionQuery } from '../../app/session';
import { sendOrQueue } from '../../lib/offline-queue';
import type {
  DueList,
  Instrument,
  MeasureResponse,
  NewMeasureResponse,
  NewRiskAssessment,
  RiskAssessment,
  SubmitMeasureAnswer,
} from '../../../shared/measures/api';
import { inboxKeys } from '../inbox/api';
import type { BaselineHistory } from '../../../shared/measures/schemas';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const measureKeys = {
  instruments: ['instruments'] as const,
  all: (patientId: string) => ['patients', patientId, 'measures'] as const,
  responses: (patientId: string) => ['patients', patientId, 'measures', 'responses'] as const,
  due: (patientId: string) => ['patients', patientId, 'measures', 'due'] as const,
  risk: (patientId: string) => ['patients', patientId, 'risk-assessments'] as const,
};

/** Questionnaires as data: stem, items, options, bands and attribution come from the server. */
export function useInstruments() {
  return useQuery({
    queryKey: measureKeys.instruments,
    queryFn: () => api.get<{ instruments: Instrument[] }>('/api/instruments').then((r) => r.instruments),
    staleTime: 60 * 60_000,
  });
}

const responseList = (patientId: string) => ({
  queryKey: measureKeys.responses(patientId),
  queryFn: () => api.get<{ responses: MeasureResponse[]; hasMore: boolean }>(`${base(patientId)}/measures`),
  enabled: patientId !== '',
});

/** The latest responses (at most RESPONSE_LIST_MAX, oldest first). */
export function useMeasureResponses(patientId: string) {
  return useQuery({ ...responseList(patientId), select: (r) => r.responses });
}

/** True when the patient has older responses than the list shows (the same request, cached once). */
export function useOlderMeasureResponses(patientId: string) {
  return useQuery({ ...responseList(patientId), select: (r) => r.hasMore });
}

export function useDueMeasures(patientId: string) {
  return useQuery({
    queryKey: measureKeys.due(patientId),
    queryFn: () => api.get<DueList>(`${base(patientId)}/measures/due`),
    enabled: patientId !== '',
  });
}

/**
 * Records one questionnaire. The id is made by the client before the first attempt, so a retry (a flaky
 * phone connection) finds the first record instead of making a second one.
 */
export function useSubmitMeasure(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeasureResponse) =>
      api.post<SubmitMeasureAnswer>(`${base(patientId)}/measures`, body),
    retry: retryTransient,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.all(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
    },
  });
}

/**
 * The patient's own answers (the questionnaire page): as useSubmitMeasure, but without a network the answers
 * wait on the phone (null: not sent yet) and are sent with their id as soon as it is back (issue 17,
 * src/web/lib/offline-queue.ts).
 */
export function useAnswerQuestionnaire(patientId: string) {
  const queryClient = useQueryClient();
  const userId = useSessionQuery().data?.user.id ?? '';
  return useMutation({
    mutationFn: async (body: NewMeasureResponse): Promise<SubmitMeasureAnswer | null> => {
      const result = await sendOrQueue<SubmitMeasureAnswer>({
        id: body.id,
        userId,
        kind: 'questionnaire',
        label: 'Questionnaire answers',
        method: 'POST',
        path: `${base(patientId)}/measures`,
        body,
      });
      return result.sent ? result.answer : null;
    },
    networkMode: 'always',
    retry: retryTransient,
    onSuccess: (result) => {
      if (result === null) return;
      void queryClient.invalidateQueries({ queryKey: measureKeys.all(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
    },
  });
}

export function useRiskAssessments(patientId: string) {
  return useQuery({
    queryKey: measureKeys.risk(patientId),
    queryFn: () =>
      api.get<{ assessments: RiskAssessment[]; hasMore: boolean }>(`${base(patientId)}/risk-assessments`),
    enabled: patientId !== '',
  });
}

export function useRecordRiskAssessment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRiskAssessment) =>
      api.post<RiskAssessment>(`${base(patientId)}/risk-assessments`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.risk(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
    },
  });
}

/** Each questionnaire's baseline and every "use as baseline" choice (issue 12; care team only). */
export function useBaselineHistory(patientId: string) {
  return useQuery({
    queryKey: [...measureKeys.all(patientId), 'baselines'] as const,
    queryFn: () => api.get<BaselineHistory>(`${base(patientId)}/measure-baselines`),
    enabled: patientId !== '',
  });
}

/** "Use as baseline": an explicit clinician choice with a reason; If-Match is the baseline's version. */
export function useChooseBaseline(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { instrument: string; responseId: string; reason: string; version: number }) =>
      api.put<BaselineHistory>(
        `${base(patientId)}/measure-baselines/${encodeURIComponent(input.instrument)}`,
        { responseId: input.responseId, reason: input.reason },
        { ifMatch: input.version },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.all(patientId) });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
  });
}
