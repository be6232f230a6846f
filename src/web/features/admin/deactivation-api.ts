import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { StaffUser } from '../../../shared/accounts/api';
import type { DeactivateRequest, DeactivationImpact } from '../../../shared/accounts/deactivation';

/** What deactivating this person leaves behind (issue 15): their patients and open alerts. */
export function useDeactivationImpact(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'deactivation-impact', userId],
    queryFn: () =>
      api.get<DeactivationImpact>(`/api/admin/users/${encodeURIComponent(userId)}/deactivation-impact`),
    enabled,
  });
}

export function useDeactivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, request }: { userId: string; request: DeactivateRequest }) =>
      api
        .post<{ user: StaffUser }>(`/api/admin/users/${encodeURIComponent(userId)}/deactivate`, request)
        .then((r) => r.user),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
