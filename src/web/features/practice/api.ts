import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  NewAssignment,
  PracticeAssignment,
  PracticeEntry,
  PracticeOverview,
} from '../../../shared/practice/schemas';
import type { Sharing } from '../../../shared/practice/sharing';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/practice`;

export const practiceKeys = {
  all: (patientId: string) => ['patients', patientId, 'practice'] as const,
  overview: (patientId: string) => ['patients', patientId, 'practice', 'overview'] as const,
  entries: (patientId: string) => ['patients', patientId, 'practice', 'entries'] as const,
  entry: (patientId: string, entryId: string) =>
    ['patients', patientId, 'practice', 'entry', entryId] as const,
};

export function usePracticeOverview(patientId: string) {
  return useQuery({
    queryKey: practiceKeys.overview(patientId),
    queryFn: () => api.get<PracticeOverview>(base(patientId)),
    enabled: patientId !== '',
  });
}

function practiceEntriesQuery(patientId: string) {
  return {
    queryKey: practiceKeys.entries(patientId),
    queryFn: () => api.get<{ entries: PracticeEntry[]; hasMore: boolean }>(`${base(patientId)}/entries`),
    enabled: patientId !== '',
  };
}

/** The entries this person may read (the server leaves out what they may not). */
export function usePracticeEntries(patientId: string) {
  return useQuery({ ...practiceEntriesQuery(patientId), select: (r) => r.entries });
}

/** The list is bounded (issue 19): true when older entries exist than it lists. */
export function usePracticeEntriesCut(patientId: string): boolean {
  return useQuery({ ...practiceEntriesQuery(patientId), select: (r) => r.hasMore }).data === true;
}

/** One entry; a 404 means it does not exist yet (a new entry under the id the phone made). */
export function usePracticeEntry(patientId: string, entryId: string) {
  return useQuery({
    queryKey: practiceKeys.entry(patientId, entryId),
    queryFn: () => api.get<PracticeEntry>(`${base(patientId)}/entries/${encodeURIComponent(entryId)}`),
    enabled: patientId !== '' && entryId !== '',
    retry: false,
    staleTime: Infinity,
  });
}

export function useAssignPractice(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssignment) => api.post<PracticeAssignment>(`${base(patientId)}/assignments`, body),
    retry: retryTransient,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: practiceKeys.all(patientId) }),
  });
}

export function useEndAssignment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Pick<PracticeAssignment, 'id' | 'version'>) =>
      api.post<PracticeAssignment>(`${base(patientId)}/assignments/${a.id}/end`, undefined, {
        ifMatch: a.version,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: practiceKeys.all(patientId) }),
  });
}

export interface EntrySave {
  entryId: string;
  assignmentId: string;
  content: unknown;
  sharing: Sharing;
  done: boolean;
  day?: string;
  /** The version last saved from this screen; absent on the first save. */
  version?: number;
}

/** Saves an entry under the phone's id (PUT): the first save creates it, a retry finds it. */
export function saveEntry(patientId: string, s: EntrySave): Promise<PracticeEntry> {
  const { path, body, ifMatch } = entryRequest(patientId, s);
  return api.put<PracticeEntry>(path, body, ifMatch === undefined ? {} : { ifMatch });
}

/** The PUT of an entry save: its path, body and If-Match version (also what the offline queue sends). */
export function entryRequest(
  patientId: string,
  s: EntrySave,
): { path: string; body: unknown; ifMatch: number | undefined } {
  return {
    path: `${base(patientId)}/entries/${encodeURIComponent(s.entryId)}`,
    body: { assignmentId: s.assignmentId, content: s.content, sharing: s.sharing, done: s.done, day: s.day },
    ifMatch: s.version,
  };
}

export function useAddComment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: { entryId: string; id: string; text: string }) =>
      api.post<PracticeEntry>(`${base(patientId)}/entries/${c.entryId}/comments`, { id: c.id, text: c.text }),
    retry: retryTransient,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: practiceKeys.entries(patientId) }),
  });
}
