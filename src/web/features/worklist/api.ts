import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { WorklistResponse } from '../../../shared/worklist/api';
import { browserTimeZone } from '../../components/format';

export const worklistKeys = { worklist: (zone: string) => ['worklist', zone] as const };

/** The whole worklist in one request (issue 15); sorting and filtering happen locally. */
export function useWorklist() {
  const zone = browserTimeZone();
  return useQuery({
    queryKey: worklistKeys.worklist(zone),
    queryFn: () => api.get<WorklistResponse>(`/api/worklist?zone=${encodeURIComponent(zone)}`),
    refetchInterval: 60_000,
  });
}
