import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, isApiError } from '../../app/api-client';
import { useSessionQuery } from '../../app/session';
import { earlyOr, whenSignedIn } from '../../lib/early-reads';
import { sendOrQueue, useOfflineQueue, type QueuedWrite } from '../../lib/offline-queue';
import type {
  CalendarFeedCreated,
  CalendarFeedStatus,
  DoseCorrection,
  DoseLog,
  LogResult,
  NewDoseLog,
  NewSupply,
  RefillForecast,
  ReminderSettings,
  Today,
} from '../../../shared/doses/schemas';
import { TODAY_AS_NEEDED_LOGS_MAX } from '../../../shared/doses/today';
import { localTimeText } from './words';

export type {
  AsNeededToday,
  CalendarFeedCreated,
  DoseLog,
  RefillForecast,
  ReminderSettings,
  Today,
  TodayDose,
} from '../../../shared/doses/schemas';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const doseKeys = {
  all: (patientId: string) => ['patients', patientId, 'doses'] as const,
  today: (patientId: string) => ['patients', patientId, 'doses', 'today'] as const,
  supplies: (patientId: string) => ['patients', patientId, 'doses', 'supplies'] as const,
  reminders: (patientId: string) => ['patients', patientId, 'doses', 'reminders'] as const,
  feed: (patientId: string) => ['patients', patientId, 'doses', 'calendar-feed'] as const,
};

const todayPath = (patientId: string) => `${base(patientId)}/doses/today`;

// Issue 17: on the patient's Today and "My medicines", today's doses are asked for as soon as the session is
// known, not when the card first renders (src/web/lib/early-reads.ts).
// Issue 17 ("Fast", eighth session): and while they are on their way, the dose rows' time formatter is made in a
// task of its own: the first one a page makes loads the browser's locale data (50–90 ms on a phone at 4× CPU),
// which was otherwise part of rendering Today's doses.
whenSignedIn((answer, pathname) => {
  if (answer.user.role !== 'patient' || answer.user.patientId === null) return null;
  if (pathname !== '/home' && pathname !== '/home/medications') return null;
  setTimeout(() => localTimeText('08:00'), 0);
  return { path: todayPath(answer.user.patientId), key: doseKeys.today(answer.user.patientId) };
});

export function useToday(patientId: string) {
  const waiting = useWaitingDoseLogs(patientId);
  // Issue 17: doses logged offline show as logged while they wait on the phone to be sent.
  const select = useCallback(
    (today: Today) =>
      waiting.reduce(
        (shown, body) =>
          shown.doses.some((d) => d.doseKey === body.doseKey && d.log !== null)
            ? shown
            : withLog(shown, optimisticLog(patientId, body, shown)),
        today,
      ),
    [waiting, patientId],
  );
  return useQuery({
    queryKey: doseKeys.today(patientId),
    queryFn: () => earlyOr(todayPath(patientId), () => api.get<Today>(todayPath(patientId))),
    enabled: patientId !== '',
    // Today changes with the clock: what is due now moves along during the day.
    refetchInterval: 5 * 60_000,
    select,
  });
}

/** The dose logs of this patient waiting on the phone to be sent (made offline; issue 17). */
function useWaitingDoseLogs(patientId: string): NewDoseLog[] {
  const userId = useSessionQuery().data?.user.id ?? '';
  const writes = useOfflineQueue(userId);
  const path = `${base(patientId)}/doses`;
  const mine = writes.filter((w) => w.kind === 'dose' && w.state === 'waiting' && w.path === path);
  const ids = mine.map((w) => w.id).join(',');
  // The same array while the same writes wait (a stable `select` for the query).
  return useMemo(() => mine.map((w) => w.body as NewDoseLog), [ids]);
}

function doseLabel(body: NewDoseLog, today: Today | undefined): string {
  const dose = today?.doses.find((d) => d.doseKey === body.doseKey);
  const name = dose?.name ?? today?.asNeeded.find((a) => a.medicationId === body.medicationId)?.name;
  const what = body.status === 'taken' ? 'Dose taken' : 'Dose skipped';
  return name === undefined ? what : `${what}: ${name}${dose ? ` at ${dose.localTime}` : ''}`;
}

/** The log the server already holds for this dose (a double tap from another tab or phone). */
export function existingLogOf(error: unknown): DoseLog | null {
  if (!isApiError(error, 'conflict')) return null;
  const details = error.details as { current?: DoseLog | null } | undefined;
  return details?.current ?? null;
}

function withLog(today: Today, log: DoseLog): Today {
  return {
    ...today,
    doses: today.doses.map((d) =>
      d.doseKey === log.doseKey ? { ...d, state: log.status, dueNow: false, log } : d,
    ),
    asNeeded: today.asNeeded.map((a) =>
      a.medicationId === log.medicationId && log.asNeeded && !a.logs.some((l) => l.id === log.id)
        ? {
            ...a,
            countToday: a.countToday + 1,
            // The same bound as the server's answer (issue 19): the latest logs, and say when more exist.
            logs: [...a.logs, log].slice(-TODAY_AS_NEEDED_LOGS_MAX),
            hasMoreLogs: a.hasMoreLogs || a.logs.length + 1 > TODAY_AS_NEEDED_LOGS_MAX,
          }
        : a,
    ),
  };
}

/** What the phone shows before the server answers (replaced by the server's log when it comes). */
function optimisticLog(patientId: string, body: NewDoseLog, today: Today): DoseLog {
  const now = Date.now();
  const dose = today.doses.find((d) => d.doseKey === body.doseKey);
  const asNeeded = today.asNeeded.find((a) => a.medicationId === body.medicationId);
  return {
    id: body.id,
    patientId,
    medicationId: body.medicationId,
    doseKey: body.doseKey ?? null,
    status: body.status,
    skipReason: body.skipReason ?? null,
    note: body.note ?? null,
    takenAt: body.status === 'taken' ? (body.takenAt ?? now) : null,
    scheduledFor: dose?.dueAt ?? null,
    localDate: today.today,
    doseAmount: dose?.doseAmount ?? asNeeded?.doseAmount ?? 0,
    doseUnit: dose?.doseUnit ?? asNeeded?.doseUnit ?? '',
    asNeeded: !body.doseKey,
    lateEntry: false,
    loggedBy: '',
    createdAt: now,
    updatedAt: now,
    correctableUntil: now + 48 * 3_600_000,
    version: 1,
  };
}

/**
 * Logs a dose, optimistically. The caller makes the id once per tap; a retry (flaky connection) sends the
 * same id, so the server returns the first log rather than making a second. A 409 means the dose was
 * already logged: the phone shows the log the server has.
 */
export function useLogDose(patientId: string) {
  const queryClient = useQueryClient();
  const userId = useSessionQuery().data?.user.id ?? '';
  const key = doseKeys.today(patientId);
  return useMutation({
    // Issue 17: without a network the log waits on the phone (null: not sent yet) and is sent with its id
    // when the network is back (src/web/lib/offline-queue.ts).
    mutationFn: async (body: NewDoseLog): Promise<LogResult | null> => {
      const write: Omit<QueuedWrite, 'queuedAt' | 'state' | 'refusal'> = {
        id: body.id,
        userId,
        kind: 'dose',
        label: doseLabel(body, queryClient.getQueryData<Today>(key)),
        method: 'POST',
        path: `${base(patientId)}/doses`,
        body,
      };
      const result = await sendOrQueue<LogResult>(write);
      return result.sent ? result.answer : null;
    },
    networkMode: 'always',
    retry: (failures, error) => failures < 3 && isApiError(error, 'network'),
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Today>(key);
      if (previous)
        queryClient.setQueryData<Today>(key, withLog(previous, optimisticLog(patientId, body, previous)));
      return { previous };
    },
    onError: (error, _body, context) => {
      const current = existingLogOf(error);
      const previous = context?.previous;
      if (previous) queryClient.setQueryData<Today>(key, current ? withLog(previous, current) : previous);
    },
    onSuccess: (result) => {
      if (result === null) return; // waiting on the phone: Today shows it from the queue
      queryClient.setQueryData<Today>(key, (old) => (old ? withLog(old, result.log) : old));
    },
    onSettled: (result) => {
      if (result !== null) void queryClient.invalidateQueries({ queryKey: doseKeys.all(patientId) });
    },
  });
}

/** The log being corrected (its id and version) and the correction the route's schema takes. */
export type DoseCorrectionInput = { log: DoseLog } & DoseCorrection;

/** Corrects a log within 48 hours (If-Match with the version the phone shows). */
export function useCorrectDose(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ log, ...body }: DoseCorrectionInput) =>
      api.patch<DoseLog>(`${base(patientId)}/doses/${encodeURIComponent(log.id)}`, body, {
        ifMatch: log.version,
      }),
    onSuccess: (log) => {
      queryClient.setQueryData<Today>(doseKeys.today(patientId), (old) => (old ? withLog(old, log) : old));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: doseKeys.all(patientId) }),
  });
}

export function useSupplies(patientId: string) {
  return useQuery({
    queryKey: doseKeys.supplies(patientId),
    queryFn: () => api.get<{ supplies: RefillForecast[]; hasMore: boolean }>(`${base(patientId)}/supplies`),
    enabled: patientId !== '',
  });
}

export function useRecordSupply(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSupply) => api.post<RefillForecast>(`${base(patientId)}/supplies`, body),
    retry: (failures, error) => failures < 3 && isApiError(error, 'network'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: doseKeys.all(patientId) }),
  });
}

export function useReminderSettings(patientId: string) {
  return useQuery({
    queryKey: doseKeys.reminders(patientId),
    queryFn: () => api.get<ReminderSettings>(`${base(patientId)}/dose-reminders`),
    enabled: patientId !== '',
  });
}

export function useSaveReminderSettings(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: ReminderSettings) =>
      api.put<ReminderSettings>(`${base(patientId)}/dose-reminders`, body, { ifMatch: version }),
    onSuccess: (saved) => queryClient.setQueryData(doseKeys.reminders(patientId), saved),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: doseKeys.all(patientId) }),
  });
}

export function useCalendarFeed(patientId: string) {
  return useQuery({
    queryKey: doseKeys.feed(patientId),
    queryFn: () => api.get<CalendarFeedStatus>(`${base(patientId)}/calendar-feed`),
    enabled: patientId !== '',
  });
}

/** Makes a new secret calendar URL (the old one stops working). The URL is shown once. */
export function useResetCalendarFeed(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedCreated>(`${base(patientId)}/calendar-feed`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: doseKeys.feed(patientId) }),
  });
}

export function useTurnOffCalendarFeed(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CalendarFeedStatus>(`${base(patientId)}/calendar-feed`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: doseKeys.feed(patientId) }),
  });
}
