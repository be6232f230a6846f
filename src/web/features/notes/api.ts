import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { refreshAfterSave } from '../../app/refresh-after-save';
import type {
  NewAddendum,
  NewProgressNoteInput,
  ProgressNote,
  PsychotherapyNote,
  SaveProgressNote,
  TeamSummaries,
  TeamSummary,
  TeamSummaryKind,
} from '../../../shared/notes/schemas';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const noteKeys = {
  progress: (patientId: string) => ['patients', patientId, 'progress-notes'] as const,
  /** Kept under the signed-in user's id too: a private list never serves someone else from cache. */
  private: (patientId: string, userId: string) =>
    ['patients', patientId, 'psychotherapy-notes', userId] as const,
  summaries: (patientId: string) => ['patients', patientId, 'team-summaries'] as const,
  summaryHistory: (patientId: string, kind: TeamSummaryKind) =>
    ['patients', patientId, 'team-summaries', 'history', kind] as const,
};

type ProgressNotePage = { notes: ProgressNote[]; hasMore: boolean };

function progressNotesQuery(patientId: string) {
  return {
    queryKey: noteKeys.progress(patientId),
    queryFn: () => api.get<ProgressNotePage>(`${base(patientId)}/progress-notes`),
    enabled: patientId !== '',
  };
}

export function useProgressNotes(patientId: string) {
  return useQuery({ ...progressNotesQuery(patientId), select: (r) => r.notes });
}

/** The list is bounded (issue 19): true when older signed notes exist than it lists. */
export function useProgressNotesCut(patientId: string): boolean {
  return useQuery({ ...progressNotesQuery(patientId), select: (r) => r.hasMore }).data === true;
}

/** Put a note the server answered with into the cached list (so the editor shows the new version at once). */
function useStoreNote(patientId: string) {
  const queryClient = useQueryClient();
  return (note: ProgressNote) => {
    queryClient.setQueryData<ProgressNotePage>(noteKeys.progress(patientId), (old) => {
      if (!old) return { notes: [note], hasMore: false };
      const notes = old.notes.some((n) => n.id === note.id)
        ? old.notes.map((n) => (n.id === note.id ? note : n))
        : [note, ...old.notes];
      return { ...old, notes };
    });
  };
}

export function useCreateProgressNote(patientId: string) {
  const store = useStoreNote(patientId);
  return useMutation({
    mutationFn: (body: NewProgressNoteInput) =>
      api.post<ProgressNote>(`${base(patientId)}/progress-notes`, body),
    retry: retryTransient,
    onSuccess: store,
  });
}

export function useSaveProgressNote(patientId: string) {
  const store = useStoreNote(patientId);
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: SaveProgressNote }) =>
      api.put<ProgressNote>(`${base(patientId)}/progress-notes/${noteId}`, body),
    onSuccess: store,
  });
}

export function useSignProgressNote(patientId: string) {
  const store = useStoreNote(patientId);
  return useMutation({
    mutationFn: ({ noteId, version }: { noteId: string; version: number }) =>
      api.post<ProgressNote>(`${base(patientId)}/progress-notes/${noteId}/sign`, { version }),
    onSuccess: store,
  });
}

export function useAddAddendum(patientId: string) {
  const store = useStoreNote(patientId);
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: NewAddendum }) =>
      api.post<ProgressNote>(`${base(patientId)}/progress-notes/${noteId}/addenda`, body),
    retry: retryTransient,
    onSuccess: store,
  });
}

export function useMyPsychotherapyNotes(patientId: string, userId: string) {
  return useQuery({
    queryKey: noteKeys.private(patientId, userId),
    queryFn: () =>
      api.get<{ notes: PsychotherapyNote[]; hasMore: boolean }>(`${base(patientId)}/psychotherapy-notes`),
    enabled: patientId !== '',
  });
}

export function useWritePsychotherapyNote(patientId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'new'; id: string; sessionDate: string; text: string }
        | { kind: 'edit'; id: string; version: number; text: string },
    ) =>
      input.kind === 'new'
        ? api.post<PsychotherapyNote>(`${base(patientId)}/psychotherapy-notes`, {
            id: input.id,
            sessionDate: input.sessionDate,
            text: input.text,
          })
        : api.put<PsychotherapyNote>(`${base(patientId)}/psychotherapy-notes/${input.id}`, {
            version: input.version,
            text: input.text,
          }),
    onSuccess: () => refreshAfterSave(queryClient, [noteKeys.private(patientId, userId)]),
  });
}

export function useTeamSummaries(patientId: string) {
  return useQuery({
    queryKey: noteKeys.summaries(patientId),
    queryFn: () => api.get<TeamSummaries>(`${base(patientId)}/team-summaries`),
    enabled: patientId !== '',
  });
}

export function useTeamSummaryHistory(patientId: string, kind: TeamSummaryKind, enabled: boolean) {
  return useQuery({
    queryKey: noteKeys.summaryHistory(patientId, kind),
    queryFn: () =>
      api.get<{ versions: TeamSummary[]; hasMore: boolean }>(
        `${base(patientId)}/team-summaries/history?kind=${kind}`,
      ),
    enabled,
  });
}

export function useWriteTeamSummary(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, text, baseVersion }: { kind: TeamSummaryKind; text: string; baseVersion: number }) =>
      api.put<TeamSummary>(`${base(patientId)}/team-summaries/${kind}`, { text, baseVersion }),
    onSuccess: () => refreshAfterSave(queryClient, [noteKeys.summaries(patientId)]),
  });
}
