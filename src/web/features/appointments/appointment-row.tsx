import { Anchor, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Appointment, AppointmentType } from '../../../shared/appointments/schemas';
import { SoftBadge } from '../../components/badges';
import { ConfirmModal } from '../../components/confirm-modal';
import { errorMessage } from '../../components/query-state';
import { useCancelAppointment, useSetAttendance } from './api';
import { MoveModal } from './move-modal';
import { SessionActions } from './session-actions';
import { cancelWords, MODE_LABELS, STATUS_COLORS, STATUS_LABELS, TYPE_LABELS, whenWords } from './words';

/** One appointment in the clinician's list, with the actions the caller may take on it. */
export function AppointmentRow({
  patientId,
  appointment: a,
  now,
  canSetAttendance,
  canManage,
}: {
  patientId: string;
  appointment: Appointment;
  now: number;
  canSetAttendance: AppointmentType[];
  canManage: AppointmentType[];
}) {
  const attendance = useSetAttendance(patientId);
  const cancel = useCancelAppointment(patientId);
  const [cancelScope, setCancelScope] = useState<'one' | 'this_and_following' | null>(null);
  const [moving, setMoving] = useState(false);
  const started = a.startsAt <= now;
  const mayMark = canSetAttendance.includes(a.type) && started && a.status !== 'cancelled';
  const mayCancel = canManage.includes(a.type) && a.status === 'scheduled';
  const label = `${TYPE_LABELS[a.type]} ${whenWords(a)}`;

  const markAs = (status: 'attended' | 'no_show') =>
    attendance.mutate(
      { appointment: a, status },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
      },
    );

  return (
    <Group
      component="li"
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{whenWords(a)}</Text>
          <SoftBadge color={STATUS_COLORS[a.status]}>{STATUS_LABELS[a.status]}</SoftBadge>
          {a.cancelledLate && <SoftBadge color="orange">Late</SoftBadge>}
        </Group>
        <Text size="sm" c="dimmed">
          {TYPE_LABELS[a.type]} with {a.clinicianName} · {a.durationMinutes} min · {MODE_LABELS[a.mode]}
          {a.location ? ` · ${a.location}` : ''}
          {a.room ? ` · ${a.room}` : ''}
          {a.recurrence ? ` · ${a.recurrence.frequency === 'weekly' ? 'weekly' : 'every 2 weeks'}` : ''}
        </Text>
        {a.telehealthUrl && a.status === 'scheduled' && (
          <Anchor href={a.telehealthUrl} target="_blank" rel="noopener noreferrer" size="sm">
            Join the video call
          </Anchor>
        )}
        {a.status === 'cancelled' && (
          <Text size="sm" c="dimmed">
            {cancelWords(a)}
            {a.cancelReason ? `: ${a.cancelReason}` : ''}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="wrap">
        {a.status !== 'cancelled' && (
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/patients/${encodeURIComponent(patientId)}/appointments/${encodeURIComponent(a.id)}/summary`}
            aria-label={`Visit summary: ${label}`}
          >
            Visit summary
          </Button>
        )}
        {started && a.status !== 'cancelled' && <SessionActions patientId={patientId} appointment={a} />}
        {mayMark && (
          <>
            <Button
              size="xs"
              variant={a.status === 'attended' ? 'filled' : 'default'}
              color="teal.9"
              onClick={() => markAs('attended')}
              loading={attendance.isPending && attendance.variables.status === 'attended'}
              aria-label={`Mark attended: ${label}`}
              aria-pressed={a.status === 'attended'}
            >
              Attended
            </Button>
            <Button
              size="xs"
              variant={a.status === 'no_show' ? 'filled' : 'default'}
              color="red.9"
              onClick={() => markAs('no_show')}
              loading={attendance.isPending && attendance.variables.status === 'no_show'}
              aria-label={`Mark no-show: ${label}`}
              aria-pressed={a.status === 'no_show'}
            >
              No-show
            </Button>
          </>
        )}
        {mayCancel && !started && (
          <Button size="xs" variant="default" onClick={() => setMoving(true)} aria-label={`Move: ${label}`}>
            Move
          </Button>
        )}
        {mayCancel && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                rightSection={<IconChevronDown size={14} aria-hidden />}
                aria-label={`Cancel: ${label}`}
              >
                Cancel
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setCancelScope('one')}>This appointment</Menu.Item>
              {a.seriesId && (
                <Menu.Item onClick={() => setCancelScope('this_and_following')}>
                  This and the following
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {moving && <MoveModal patientId={patientId} appointment={a} onClose={() => setMoving(false)} />}
      <ConfirmModal
        opened={cancelScope !== null}
        title="Cancel appointment"
        confirmLabel="Cancel appointment"
        confirmColor="red"
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelScope(null)}
        onConfirm={() =>
          cancel.mutate(
            { appointment: a, scope: cancelScope ?? 'one', reason: null },
            { onSuccess: () => setCancelScope(null) },
          )
        }
      >
        {cancelScope === 'this_and_following'
          ? `Cancel ${label} and every later appointment of this series? The patient sees them as cancelled by the care team.`
          : `Cancel ${label}? The patient sees it as cancelled by the care team.`}
      </ConfirmModal>
    </Group>
  );
}
