import type { Db } from '../../db/database.js';
import { forgetInScope, rememberedInScope, reportInScope } from '../../platform/request-scope.js';
import { readClinicSettings, type ClinicSettings } from '../../../shared/clinic/settings.js';
import * as repo from './clinic.repository.js';

const scopeKey = (clinicId: string) => `clinic-settings:${clinicId}`;

function parsedOnce(clinicId: string, json: string): ClinicSettings {
  const { settings, unreadableKeys } = readClinicSettings(json);
  // A stored key this version cannot read takes its own default, the other keys keep theirs, and the
  // fall-back is logged (issue 18: never a silent reset). Key names only: settings hold no patient data.
  if (unreadableKeys.length > 0)
    reportInScope(
      { clinicId, keys: unreadableKeys },
      'stored clinic settings could not be read; these keys use their defaults',
    );
  return settings;
}

/**
 * The one way to read the clinic's settings (issue 18): typed, parsed once, read at most once per request
 * (or background run, or outbox event). Pass the transaction when inside one (SQLite has one connection).
 * The object is shared within the request: read it, do not change it.
 */
export function clinicSettings(db: Db, clinicId: string): Promise<ClinicSettings> {
  return rememberedInScope(scopeKey(clinicId), async () =>
    parsedOnce(clinicId, await repo.settingsJson(db, clinicId)),
  );
}

/** Every clinic with its settings, for the scheduled checks (each clinic's settings remembered in the scope). */
export async function everyClinicSettings(db: Db): Promise<{ id: string; settings: ClinicSettings }[]> {
  const rows = await repo.everyClinicSettingsJson(db);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      settings: await rememberedInScope(scopeKey(row.id), () =>
        Promise.resolve(parsedOnce(row.id, row.settings)),
      ),
    })),
  );
}

/** After the settings were written: the next read in this request goes to the database. */
export function forgetClinicSettings(clinicId: string): void {
  forgetInScope(scopeKey(clinicId));
}
