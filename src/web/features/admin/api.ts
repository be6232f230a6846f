import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { Mail, NewStaffInvite, StaffUser } from '../../../shared/accounts/api';
import type { ClinicSettings } from '../../../shared/clinic/api';
import type { z } from 'zod';
import type { clinicSettingsUpdateSchema } from '../../../shared/clinic/settings';

export type ClinicSettingsUpdate = z.input<typeof clinicSettingsUpdateSchema>;

const usersKey = ['admin', 'users'] as const;
const outboxKey = ['admin', 'outbox'] as const;

export function useStaffUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: () => api.get<{ users: StaffUser[] }>('/api/admin/users').then((r) => r.users),
  });
}

/** The latest mails and whether older ones exist (the list is bounded, issue 19). */
export function useOutbox() {
  return useQuery({
    queryKey: outboxKey,
    queryFn: () => api.get<{ mails: Mail[]; hasMore: boolean }>('/api/admin/outbox'),
  });
}

function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: usersKey });
    void queryClient.invalidateQueries({ queryKey: outboxKey });
  };
}

export function useInviteStaff() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (invite: NewStaffInvite) =>
      api.post<{ user: StaffUser }>('/api/admin/invites', invite).then((r) => r.user),
    onSuccess: invalidate,
  });
}

export type UserAction = 'deactivate' | 'reactivate' | 'resend-invite';

export function useUserAction() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: UserAction }) =>
      api
        .post<{ user: StaffUser }>(`/api/admin/users/${encodeURIComponent(userId)}/${action}`)
        .then((r) => r.user),
    onSuccess: invalidate,
  });
}

const settingsKey = ['admin', 'settings'] as const;

export function useClinicSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<ClinicSettings>('/api/admin/settings'),
  });
}

export function useSaveClinicSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    // Only the keys sent change (the server keeps every other stored key, crisis resources included).
    mutationFn: (settings: ClinicSettingsUpdate) => api.put<ClinicSettings>('/api/admin/settings', settings),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
