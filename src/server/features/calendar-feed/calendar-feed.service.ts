import { addDays, localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { hashToken, newId, newSecretToken } from '../../platform/ids.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../shared/doses/schemas.js';
import { readReminderSettings } from '../doses/index.js';
import { renderCalendar } from './ical.js';
import { calendarProviders } from './providers.js';
import * as repo from './calendar-feed.repository.js';

/** The feed covers two weeks back (so today's past doses stay visible) and eight weeks ahead. */
const DAYS_BACK = 14;
const DAYS_AHEAD = 56;

export const feedUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

export function feedStatus(deps: AppDeps, actor: Actor, patientId: string): Promise<CalendarFeedStatus> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'calendar_feed.status', resourceType: 'calendar_feed' },
    async (trx) => {
      const feed = await repo.feedOfPatient(trx, actor.clinicId, patientId);
      return { active: feed !== undefined, createdAt: feed ? feed.created_at : null };
    },
  );
}

/** Makes a new secret URL, replacing any old one (the old URL answers 404 from now on). Shown once. */
export function resetFeed(deps: AppDeps, actor: Actor, patientId: string): Promise<CalendarFeedCreated> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'calendar_feed.reset', resourceType: 'calendar_feed' },
    async (trx) => {
      const token = newSecretToken();
      const now = deps.clock.now();
      await repo.replaceFeed(trx, {
        patient_id: patientId,
        id: newId(),
        clinic_id: actor.clinicId,
        token_hash: hashToken(token),
        created_at: now,
      });
      return { active: true as const, createdAt: now, url: feedUrl(deps.config.publicUrl, token) };
    },
  );
}

export function turnOffFeed(deps: AppDeps, actor: Actor, patientId: string): Promise<CalendarFeedStatus> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'calendar_feed.delete', resourceType: 'calendar_feed' },
    async (trx) => {
      await repo.deleteFeed(trx, actor.clinicId, patientId);
      return { active: false, createdAt: null };
    },
  );
}

/**
 * The feed a calendar app fetches with the secret URL (no session). An unknown or reset token is 404.
 * Each fetch is audited as the patient's (the token stands for them), naming the feed, not the token: a read
 * on the one path for audited reads (issue 19), answered once its event is committed in the shared commit.
 */
export async function readFeed(deps: AppDeps, token: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('Calendar');
  const { feed, calendar } = await deps.database.read(async (trx) => {
    const feed = await repo.feedByTokenHash(trx, hashToken(token));
    if (!feed) throw notFound('Calendar');
    const now = deps.clock.now();
    const today = localDate(now, feed.time_zone);
    const settings = await readReminderSettings(trx, feed.clinic_id, feed.patient_id);
    const patient = { id: feed.patient_id, clinicId: feed.clinic_id, timeZone: feed.time_zone };
    const range = { fromDay: addDays(today, -DAYS_BACK), toDay: addDays(today, DAYS_AHEAD) };
    const events = [];
    for (const provider of calendarProviders)
      events.push(
        ...(await provider(
          { db: trx, now, showMedicationNames: settings.calendarShowNames },
          patient,
          range,
        )),
      );
    events.sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
    return { feed, calendar: renderCalendar({ name: 'Duet', generatedAt: now, events }) };
  });
  await deps.audit.recordRead(
    feed.clinic_id,
    {
      userId: feed.user_id,
      role: 'patient',
      clinicId: feed.clinic_id,
      patientId: feed.patient_id,
      sessionIdHash: '',
      csrfToken: '',
    },
    {
      action: 'calendar_feed.read',
      resourceType: 'calendar_feed',
      resourceId: feed.id,
      patientId: feed.patient_id,
      outcome: 'allowed',
    },
  );
  return calendar;
}
