import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import { yieldToEventLoop } from '../../../platform/single-flight.js';
import { clientActor } from '../../api-clients/index.js';
import { allows, type FhirResourceType } from '../../../../shared/fhir/scopes.js';
import type { FhirContext } from '../access.js';
import { FhirError } from '../outcome.js';
import { NdjsonFiles, type ExportFile } from './ndjson-files.js';
import { exportSources, type ExportRun } from './export-sources.js';
import { defaultTypes, progressText, readExportRequest, type ExportLevel } from './export-request.js';
import * as repo from './export.repository.js';

/** Files and jobs are kept 24 hours after the export ends (product policy, docs/fhir.md "Bulk export"). */
export const EXPORT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A running job silent this long belongs to a process that ended: it is marked failed. */
const STALE_AFTER_MS = 10 * 60 * 1000;
/**
 * Rows per keyset page, and resources per NDJSON file (a larger type is served in several files). The export
 * runs on the main thread and gives the event loop a turn after every page: 500 answers (~1,250 resources) are
 * about 12-15 ms of CPU, so a request waits about that long behind it (issue 19); progress every 20,000 rows.
 */
export const exportLimits = { batch: 500, perFile: 100_000, progressEveryPages: 40 };

interface Task {
  stop: boolean;
  done: Promise<void>;
}
/** Jobs running in this process (a DELETE stops its own job at the next page). */
const running = new Map<string, Task>();

export const exportDir = (deps: AppDeps, jobId: string) => path.join(deps.config.dataDir, 'exports', jobId);
export const statusPath = (jobId: string) => `$export-status/${jobId}`;

/**
 * Kick-off (Bulk Data IG v2 "Bulk Data Kick-off Request"): checks the request and the token's scopes, records
 * the job (audited `fhir.export.start`) and starts it off the request; answers the status URL.
 */
export async function startExport(
  ctx: FhirContext,
  kickOff: {
    level: ExportLevel;
    groupId: string | null;
    url: string;
    query: Record<string, unknown>;
    headers: { prefer?: string | undefined; accept?: string | undefined };
  },
): Promise<{ jobId: string }> {
  const { deps, client } = ctx;
  const parsed = readExportRequest(kickOff.query, kickOff.headers);
  if (!parsed.ok) throw new FhirError(400, 'invalid', parsed.message, parsed.at);
  if (kickOff.level === 'group' && kickOff.groupId !== client.clinicId)
    throw new FhirError(404, 'not-found', `Group/${kickOff.groupId ?? ''} is not known.`);
  const asked = parsed.value.types;
  // An explicit `_type` the token cannot read is refused whole (IG: an error with an OperationOutcome),
  // never quietly narrowed; without `_type`, the export holds every type the token may read.
  const denied = asked?.find((t) => !allows(client.scopes, t, 'r'));
  if (denied !== undefined)
    throw new FhirError(403, 'forbidden', `The token's scopes do not include system/${denied}.r.`, '_type');
  const types = asked ?? defaultTypes(kickOff.level).filter((t) => allows(client.scopes, t, 'r'));
  if (types.length === 0)
    throw new FhirError(403, 'forbidden', "The token's scopes allow reading none of the exported types.");
  const now = deps.clock.now();
  const job: repo.ExportJobRow = {
    id: newId(),
    clinic_id: client.clinicId,
    client_id: client.clientId,
    level: kickOff.level,
    request: kickOff.url,
    types: JSON.stringify(types),
    since: parsed.value.since,
    status: 'running',
    progress: progressText(0, null),
    resources: 0,
    output: null,
    error: null,
    transaction_time: now,
    created_at: now,
    updated_at: now,
    finished_at: null,
    expires_at: null,
    version: 1,
  };
  await deps.database.transaction(async (trx) => {
    // Checked in the write transaction (SQLite serialises kick-offs; on PostgreSQL two at the same instant
    // could both start, which costs work, not correctness).
    const busy = await repo.runningJobsOf(trx, client.clinicId, client.clientId);
    if (busy.length > 0)
      throw new FhirError(
        429,
        'throttled',
        'An export by this client is still running: wait for it, or cancel it with DELETE on its status URL.',
        undefined,
        { 'retry-after': '10' },
      );
    await repo.insertJob(trx, job);
    await deps.audit.record(trx, client.clinicId, client.actor, {
      action: 'fhir.export.start',
      resourceType: 'Export',
      resourceId: job.id,
      patientId: null,
      outcome: 'allowed',
    });
  });
  const task: Task = { stop: false, done: Promise.resolve() };
  running.set(job.id, task);
  task.done = new Promise<void>((resolve) => {
    setImmediate(() => {
      void runJob(deps, ctx.base, job, client.teamMemberIds, task)
        .catch(() => undefined)
        .finally(() => {
          running.delete(job.id);
          resolve();
        });
    });
  });
  return { jobId: job.id };
}

/** Resolves once this process's run of the job has ended (tests, and DELETE before removing the files). */
export function exportSettled(jobId: string): Promise<void> {
  return running.get(jobId)?.done ?? Promise.resolve();
}

async function runJob(
  deps: AppDeps,
  base: string,
  job: repo.ExportJobRow,
  teamMemberIds: readonly string[] | null,
  task: Task,
): Promise<void> {
  const db = deps.database.db;
  const dir = exportDir(deps, job.id);
  const types = JSON.parse(job.types) as FhirResourceType[];
  const writers = new Map(types.map((t) => [t, new NdjsonFiles(dir, t, exportLimits.perFile)]));
  const errors = new NdjsonFiles(dir, 'OperationOutcome', exportLimits.perFile);
  const actor = clientActor(job.clinic_id, job.client_id);
  const exported = new Set<string>();
  let toAudit: string[] = [];
  let resources = 0;
  let pages = 0;
  let current: FhirResourceType | null = null;
  const auditExported = async () => {
    if (toAudit.length === 0) return;
    const ids = toAudit;
    toAudit = [];
    // One event per patient per job, through the shared read commit, before any file is released.
    await deps.audit.recordReads(
      job.clinic_id,
      actor,
      ids.map((patientId) => ({
        action: 'fhir.export',
        resourceType: 'Export',
        resourceId: job.id,
        patientId,
        outcome: 'allowed' as const,
      })),
    );
  };
  /** Counts a resource handed to its file, and notes its patient for the audit (before the page ends). */
  const written = (pending: Promise<void> | undefined, patientId: string | null) => {
    resources++;
    if (patientId !== null && !exported.has(patientId)) {
      exported.add(patientId);
      toAudit.push(patientId);
    }
    return pending;
  };
  try {
    await mkdir(dir, { recursive: true });
    const reachable =
      teamMemberIds === null ? null : new Set(await repo.patientIdsOfTeams(db, job.clinic_id, teamMemberIds));
    const run: ExportRun = {
      db,
      clinicId: job.clinic_id,
      jobId: job.id,
      base,
      reachable,
      since: job.since,
      until: job.transaction_time,
      sinceIso: job.since === null ? null : new Date(job.since).toISOString(),
      untilIso: new Date(job.transaction_time).toISOString(),
      batch: exportLimits.batch,
      wants: (t) => writers.has(t),
      emit(resource, patientId, json) {
        const writer = writers.get(resource.resourceType as FhirResourceType);
        return writer ? written(writer.add(json ?? JSON.stringify(resource)), patientId) : undefined;
      },
      emitJson(type, json, patientId) {
        const writer = writers.get(type);
        return writer ? written(writer.add(json), patientId) : undefined;
      },
      async unreadable(type, id) {
        await errors.add(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'error',
                code: 'processing',
                diagnostics: `${type} ${id} could not be read from its record and is not in the export.`,
              },
            ],
          }),
        );
      },
      async afterPage(type) {
        current = type;
        await auditExported();
        pages++;
        if (task.stop) return false;
        if (pages % exportLimits.progressEveryPages === 0) {
          const now = deps.clock.now();
          const text = progressText(resources, type);
          const still = await deps.database.durableTransaction((trx) =>
            repo.noteProgress(trx, job.id, text, resources, now),
          );
          if (!still) return false;
        }
        await yieldToEventLoop();
        return !task.stop;
      },
    };
    for (const source of exportSources) {
      if (!source.types.some((t) => writers.has(t))) continue;
      if (!(await source.run(run))) throw new Stopped();
    }
    await auditExported();
    const files: ExportFile[] = [];
    for (const w of writers.values()) files.push(...(await w.close()));
    const errorFiles = await errors.close();
    const now = deps.clock.now();
    const finished = await deps.database.durableTransaction((trx) =>
      repo.finishJob(trx, job.id, {
        status: 'completed',
        progress: progressText(resources, null),
        resources,
        output: JSON.stringify({ output: files, error: errorFiles }),
        error: null,
        now,
        expiresAt: now + EXPORT_RETENTION_MS,
      }),
    );
    if (!finished) await rm(dir, { recursive: true, force: true });
  } catch (err) {
    for (const w of writers.values()) await w.abandon();
    await errors.abandon();
    await rm(dir, { recursive: true, force: true });
    if (err instanceof Stopped) return;
    const now = deps.clock.now();
    await repo.finishJob(db, job.id, {
      status: 'failed',
      progress: progressText(resources, current),
      resources,
      output: null,
      error: 'The export failed on the server; start it again.',
      now,
      expiresAt: now + EXPORT_RETENTION_MS,
    });
    throw err;
  }
}

class Stopped extends Error {}

/** The job of this client (another client's, or an unknown id: 404 alike). */
async function ownJob(ctx: FhirContext, jobId: string) {
  const job = await repo.jobById(ctx.deps.database.db, ctx.client.clinicId, jobId);
  if (job?.client_id !== ctx.client.clientId)
    throw new FhirError(404, 'not-found', 'No such export (finished exports are kept 24 hours).');
  return job;
}

/** The status and file requests need a token whose scopes cover the exported types (IG: protected alike). */
function requireTypes(ctx: FhirContext, types: readonly string[]) {
  const denied = types.find((t) => !allows(ctx.client.scopes, t as FhirResourceType, 'r'));
  if (denied !== undefined)
    throw new FhirError(403, 'forbidden', `The token's scopes do not include system/${denied}.r.`);
}

export type ExportStatus =
  | { kind: 'running'; progress: string }
  | { kind: 'failed'; message: string }
  | {
      kind: 'completed';
      expiresAt: number;
      manifest: {
        transactionTime: string;
        request: string;
        requiresAccessToken: true;
        output: { type: string; url: string; count: number }[];
        error: { type: string; url: string; count: number }[];
      };
    };

/** Bulk Data Status Request: in progress, failed, or the manifest. */
export async function exportStatus(ctx: FhirContext, jobId: string): Promise<ExportStatus> {
  const job = await ownJob(ctx, jobId);
  requireTypes(ctx, JSON.parse(job.types) as string[]);
  if (job.status === 'running') return { kind: 'running', progress: job.progress };
  if (job.status !== 'completed' || job.output === null)
    return { kind: 'failed', message: job.error ?? 'The export failed; start it again.' };
  const written = JSON.parse(job.output) as { output: ExportFile[]; error: ExportFile[] };
  const url = (f: ExportFile) => ({
    type: f.type,
    url: `${ctx.base}/$export-file/${job.id}/${f.file}`,
    count: f.count,
  });
  return {
    kind: 'completed',
    expiresAt: job.expires_at ?? job.updated_at,
    manifest: {
      transactionTime: new Date(job.transaction_time).toISOString(),
      request: job.request,
      requiresAccessToken: true,
      output: written.output.map(url),
      error: written.error.map(url),
    },
  };
}

/** Bulk Data Output File Request: the file's path, when it is one of this client's completed job's files. */
export async function exportFile(ctx: FhirContext, jobId: string, name: string): Promise<string> {
  const job = await ownJob(ctx, jobId);
  const written =
    job.status === 'completed' && job.output !== null
      ? (JSON.parse(job.output) as { output: ExportFile[]; error: ExportFile[] })
      : { output: [], error: [] };
  const found = [...written.output, ...written.error].find((f) => f.file === name);
  if (!found) throw new FhirError(404, 'not-found', 'No such export file.');
  if (found.type !== 'OperationOutcome') requireTypes(ctx, [found.type]);
  const file = path.join(exportDir(ctx.deps, job.id), found.file);
  // Another instance without this DATA_DIR, or files removed by hand: a 404, not a failed stream.
  const there = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!there)
    throw new FhirError(404, 'not-found', 'The export file is no longer here; start the export again.');
  return file;
}

/** Bulk Data Delete Request: a running export stops; its files (or a finished one's) are removed. */
export async function cancelExport(ctx: FhirContext, jobId: string): Promise<void> {
  const { deps, client } = ctx;
  const job = await ownJob(ctx, jobId);
  await deps.database.transaction(async (trx) => {
    await repo.deleteJob(trx, client.clinicId, job.id);
    await deps.audit.record(trx, client.clinicId, client.actor, {
      action: 'fhir.export.delete',
      resourceType: 'Export',
      resourceId: job.id,
      patientId: null,
      outcome: 'allowed',
    });
  });
  const task = running.get(job.id);
  if (task) {
    task.stop = true;
    await task.done;
  }
  await rm(exportDir(deps, job.id), { recursive: true, force: true });
}

/**
 * Scheduled check: finished exports past their 24 hours are removed with their files; a running export whose
 * process ended (silent 10 minutes, not running here) is marked failed and its partial files removed.
 */
export async function purgeExpiredExports(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  const jobs = await repo.jobsToPurge(deps.database.db, now, now - STALE_AFTER_MS);
  for (const job of jobs) {
    if (running.has(job.id)) continue;
    await rm(exportDir(deps, job.id), { recursive: true, force: true });
    if (job.status === 'running')
      await repo.finishJob(deps.database.db, job.id, {
        status: 'failed',
        progress: 'interrupted',
        resources: 0,
        output: null,
        error: 'The export was interrupted (the server stopped); start it again.',
        now,
        expiresAt: now + EXPORT_RETENTION_MS,
      });
    else await repo.deleteJob(deps.database.db, job.clinic_id, job.id);
  }
}
