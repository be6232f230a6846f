import { retryTransient } from '../../app/retry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  Appointment,
  AppointmentList,
  Attendance,
  BookingResult,
  CancelRequest,
  NewAppointment,
  Reschedule,
} from '../../../shared/appointments/schemas';
import { inboxKeys } from '../inbox/api';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/appointments`;

export const appointmentKeys = {
  all: (patientId: string) => ['patients', patientId, 'appointments'] as const,
  list: (patientId: string, when: string) => ['patients', patientId, 'appointments', 'list', when] as const,
  attendance: (patientId: string) => ['patients', patientId, 'appointments', 'attendance'] as const,
};

export function useAppointments(patientId: string, when: 'all' | 'upcoming' | 'past' = 'all') {
  return useQuery({
    queryKey: appointmentKeys.list(patientId, when),
    queryFn: () => api.get<AppointmentList>(`${base(patientId)}?when=${when}`),
    enabled: patientId !== '',
  });
}

export function useAttendance(patientId: string) {
  return useQuery({
    queryKey: appointmentKeys.attendance(patientId),
    queryFn: () => api.get<Attendance>(`${base(patientId)}/attendance`),
    enabled: patientId !== '',
  });
}

function useInvalidate(patientId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: appointmentKeys.all(patientId) });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
  };
}

/** Books one appointment or a series; the id is made before the first attempt, so a retry books nothing twice. */
export function useBookAppointment(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: (body: NewAppointment) => api.post<BookingResult>(base(patientId), body),
    retry: retryTransient,
    onSuccess: invalidate,
  });
}

export function useSetAttendance(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ appointment, status }: { appointment: Appointment; status: 'attended' | 'no_show' }) =>
      api.post<Appointment>(
        `${base(patientId)}/${appointment.id}/attendance`,
        { status },
        { ifMatch: appointment.version },
      ),
    onSuccess: invalidate,
  });
}

export function useCancelAppointment(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ appointment, ...body }: CancelRequest & { appointment: Appointment }) =>
      api.post<BookingResult>(`${base(patientId)}/${appointment.id}/cancel`, body, {
        ifMatch: appointment.version,
      }),
    onSuccess: invalidate,
  });
}

export function useRescheduleAppointment(patientId: string) {
  const invalidate = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ appointment, ...body }: Reschedule & { appointment: Appointment }) =>
      api.patch<BookingResult>(`${base(patientId)}/${appointment.id}`, body, {
        ifMatch: appointment.version,
      }),
    onSuccess: invalidate,
  });
}
