import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { ScheduleResponse } from '../../../shared/schedule/api';

export const scheduleKeys = {
  range: (from: string, to: string, zone: string, clinician: string) =>
    ['schedule', from, to, zone, clinician] as const,
};

/** One day's or one week's appointments, in one request (issue 15). `clinician`: 'me', 'all' or an id. */
export function useSchedule(from: string, to: string, zone: string, clinician: string) {
  const params = new URLSearchParams({ from, to, zone });
  if (clinician !== 'me') params.set('clinician', clinician);
  return useQuery({
    queryKey: scheduleKeys.range(from, to, zone, clinician),
    queryFn: () => api.get<ScheduleResponse>(`/api/schedule?${params.toString()}`),
  });
}
