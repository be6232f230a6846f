import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { Progress, Timeline } from '../../../shared/timeline/api';

export const timelineKeys = {
  timeline: (patientId: string) => ['patients', patientId, 'timeline'] as const,
  progress: ['me', 'progress'] as const,
};

/** Every event of the patient since enrolment, in one request; the page zooms on the client. */
export function useTimeline(patientId: string) {
  return useQuery({
    queryKey: timelineKeys.timeline(patientId),
    queryFn: () => api.get<Timeline>(`/api/patients/${encodeURIComponent(patientId)}/timeline`),
    enabled: patientId !== '',
  });
}

/** The patient's own "My progress". */
export function useProgress() {
  return useQuery({ queryKey: timelineKeys.progress, queryFn: () => api.get<Progress>('/api/me/progress') });
}
