import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client';
import type * as schemas from '../../../shared/medication-safety/safety-profile';
import { inboxKeys } from '../inbox/api';

export type SafetyProfile = z.infer<typeof schemas.safetyProfileSchema>;
export type SafetyEntry = z.infer<typeof schemas.safetyEntrySchema>;
export type EntryDetails = z.input<typeof schemas.entryDetailsSchema>;
export type NewEntry = z.input<typeof schemas.newEntrySchema>;

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/medication-safety`;
const entryUrl = (patientId: string, entryId: string) =>
  `${base(patientId)}/entries/${encodeURIComponent(entryId)}`;

export const safetyProfileKeys = {
  profile: (patientId: string) => ['patients', patientId, 'medication-safety'] as const,
};

export function useSafetyProfile(patientId: string) {
  return useQuery({
    queryKey: safetyProfileKeys.profile(patientId),
    queryFn: () => api.get<SafetyProfile>(base(patientId)),
    enabled: patientId !== '',
  });
}

function useProfileMutation<TVars, TResult>(patientId: string, fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: safetyProfileKeys.profile(patientId) });
      // Confirming, rejecting or removing a patient's entry resolves its "confirm or not" alert.
      void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.counts });
    },
  });
}

/** Adds an entry. The id is made once per form, so a retry never adds a second one. */
export function useAddEntry(patientId: string) {
  return useProfileMutation(patientId, (body: NewEntry) =>
    api.post<SafetyEntry>(`${base(patientId)}/entries`, body),
  );
}

export function useEditEntry(patientId: string) {
  return useProfileMutation(patientId, (v: { entry: SafetyEntry; details: EntryDetails }) =>
    api.put<SafetyEntry>(entryUrl(patientId, v.entry.id), v.details, { ifMatch: v.entry.version }),
  );
}

export function useRemoveEntry(patientId: string) {
  return useProfileMutation(patientId, (entry: SafetyEntry) =>
    api.delete<null>(entryUrl(patientId, entry.id), { ifMatch: entry.version }),
  );
}

export function useReviewEntry(patientId: string) {
  return useProfileMutation(
    patientId,
    (v: { entry: SafetyEntry; confirm: true } | { entry: SafetyEntry; confirm: false; reason: string }) =>
      v.confirm
        ? api.post<SafetyEntry>(`${entryUrl(patientId, v.entry.id)}/confirm`, undefined, {
            ifMatch: v.entry.version,
          })
        : api.post<SafetyEntry>(
            `${entryUrl(patientId, v.entry.id)}/reject`,
            { reason: v.reason },
            { ifMatch: v.entry.version },
          ),
  );
}

export function useSetWeight(patientId: string) {
  return useProfileMutation(patientId, (v: { weightKg: number; version: number }) =>
    api.put<SafetyProfile>(`${base(patientId)}/weight`, { weightKg: v.weightKg }, { ifMatch: v.version }),
  );
}
