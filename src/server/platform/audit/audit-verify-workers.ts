import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-entry.js';
import type { AuditKeyRing } from './audit-keys.js';
import type { ClinicCheck, ClinicResult } from './audit-verify-clinic.js';

/** What a verification worker is started with: the SQLite file and the keys (as text, to cross threads). */
export interface VerifyWorkerData {
  file: string;
  current: string;
  older: string[];
}

export type VerifyRequest = { id: number; check: ClinicCheck };
export type VerifyReply =
  { id: number; ok: true; result: ClinicResult } | { id: number; ok: false; message: string };

/** Verification worker threads, each with its own connection; clinics are handed to whichever is free. */
export async function startVerifyWorkers(
  size: number,
  file: string,
  keys: AuditKeyRing,
): Promise<{ verify(check: ClinicCheck): Promise<ClinicResult>; close(): Promise<void> }> {
  const secrets = [...keys.byId.values()]
    .filter((k) => k !== keys.current)
    .map((k) => k.secret.toString('utf8'));
  const data: VerifyWorkerData = { file, current: keys.current.secret.toString('utf8'), older: secrets };
  const url = new URL('./audit-verify-worker.ts', import.meta.url);
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all: Worker[] = [];
  let nextId = 1;
  await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<void>((ready, failed) => {
          const worker = startWorker(url, { workerData: data });
          all.push(worker);
          worker.once('error', failed);
          worker.once('message', () => {
            idle.push(worker);
            ready();
          });
        }),
    ),
  );
  const take = () =>
    new Promise<Worker>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  const give = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    async verify(check) {
      const worker = await take();
      const id = nextId++;
      try {
        return await new Promise<ClinicResult>((resolve, reject) => {
          const onMessage = (reply: VerifyReply) => {
            if (reply.id !== id) return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            if (reply.ok) resolve(reply.result);
            else reject(new Error(reply.message));
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, check } satisfies VerifyRequest);
        });
      } finally {
        give(worker);
      }
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
