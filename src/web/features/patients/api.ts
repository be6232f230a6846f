import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { refreshAfterSave } from '../../app/refresh-after-save';
import { earlyOr, whenSignedIn } from '../../lib/early-reads';
import type { AccessReport, AccessTimes } from '../../../shared/audit/access-report-schemas';
import type { Clinician } from '../../../shared/accounts/api';
import type {
  CareTeamAssignment,
  CareTeamChange,
  CaseloadEntry,
  NewPatient,
  PatientDetails,
  PatientOverview,
} from '../../../shared/patients/api';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const patientKeys = {
  caseload: ['patients', 'caseload'] as const,
  clinicians: ['clinicians'] as const,
  overview: (id: string) => ['patients', id, 'overview'] as const,
  history: (id: string) => ['patients', id, 'care-team-history'] as const,
  access: (id: string) => ['patients', id, 'access-report'] as const,
};

export function useCaseload() {
  return useQuery({
    queryKey: patientKeys.caseload,
    queryFn: () => api.get<{ patients: CaseloadEntry[] }>('/api/patients').then((r) => r.patients),
  });
}

export function useClinicians() {
  return useQuery({
    queryKey: patientKeys.clinicians,
    queryFn: () => api.get<{ clinicians: Clinician[] }>('/api/clinicians').then((r) => r.clinicians),
    staleTime: 60_000,
  });
}

// Issue 17 ("Fast"): the patient's Today shows their name and care team; asked for with the session
// (src/web/lib/early-reads.ts).
whenSignedIn((answer, pathname) =>
  answer.user.role === 'patient' && answer.user.patientId !== null && pathname === '/home'
    ? { path: base(answer.user.patientId), key: patientKeys.overview(answer.user.patientId) }
    : null,
);

export function getPatient(patientId: string): Promise<PatientOverview> {
  return earlyOr(base(patientId), () => api.get<PatientOverview>(base(patientId)));
}

export function usePatient(patientId: string) {
  return useQuery({ queryKey: patientKeys.overview(patientId), queryFn: () => getPatient(patientId) });
}

export function useCareTeamHistory(patientId: string) {
  return useQuery({
    queryKey: patientKeys.history(patientId),
    queryFn: () =>
      api.get<{ changes: CareTeamChange[]; hasMore: boolean }>(`${base(patientId)}/care-team/history`),
  });
}

/** The access report, a page of whole days at a time, newest first ("Show earlier days" loads the next). */
export function useAccessReport(patientId: string) {
  return useInfiniteQuery({
    queryKey: patientKeys.access(patientId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<AccessReport>(
        `${base(patientId)}/access-report${pageParam === null ? '' : `?before=${encodeURIComponent(pageParam)}`}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The individual times of one line of the access report, asked for only when someone opens them. */
export function useAccessTimes(patientId: string, line: AccessTimesLine, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...patientKeys.access(patientId), 'times', line] as const,
    initialPageParam: null as string | null,
    enabled,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ day: line.day, actorId: line.actorId, outcome: line.outcome });
      if (line.action !== undefined) query.set('action', line.action);
      if (pageParam !== null) query.set('before', pageParam);
      return api.get<AccessTimes>(`${base(patientId)}/access-report/times?${query.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export interface AccessTimesLine {
  day: string;
  actorId: string;
  outcome: 'allowed' | 'denied';
  action?: string;
}

export function useEnrolPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patient: NewPatient) => api.post<PatientOverview>('/api/patients', patient),
    onSuccess: (overview) => {
      queryClient.setQueryData(patientKeys.overview(overview.id), overview);
      void refreshAfterSave(queryClient, [patientKeys.caseload]);
    },
  });
}

/** Stores the saved record and reads again what the save changed (a read already under way is dropped). */
function useStoreOverview(patientId: string) {
  const queryClient = useQueryClient();
  return (overview: PatientOverview) => {
    queryClient.setQueryData(patientKeys.overview(patientId), overview);
    void refreshAfterSave(queryClient, [
      patientKeys.caseload,
      patientKeys.history(patientId),
      patientKeys.access(patientId),
    ]);
  };
}

export function useUpdatePatientDetails(patientId: string) {
  const store = useStoreOverview(patientId);
  return useMutation({
    mutationFn: ({ changes, version }: { changes: Partial<PatientDetails>; version: number }) =>
      api.patch<PatientOverview>(base(patientId), changes, { ifMatch: version }),
    onSuccess: store,
  });
}

export function useUpdateCareTeam(patientId: string) {
  const store = useStoreOverview(patientId);
  return useMutation({
    mutationFn: ({ members, careTeamVersion }: { members: CareTeamAssignment[]; careTeamVersion: number }) =>
      api.put<PatientOverview>(`${base(patientId)}/care-team`, { members }, { ifMatch: careTeamVersion }),
    onSuccess: store,
  });
}

export function useResendPatientInvite(patientId: string) {
  return useMutation({
    mutationFn: () => api.post<undefined>(`${base(patientId)}/resend-invite`),
  });
}
