// A read worker thread (reads/read-pool.ts): its own read-only connection to the same database, running the
// jobs of read-jobs.ts one message at a time, each in one read transaction (one consistent snapshot).
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../db/database.js';
import { isReadJobName } from './read-jobs.js';
import { runReadJob, type ReadWorkerData, type ReadRequest, type ReadReply } from './read-pool.js';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread only');
const { databaseUrl, sqlitePath } = workerData as ReadWorkerData;
const database = openReadOnlyDatabase({ databaseUrl, sqlitePath });

port.on('message', (request: ReadRequest) => {
  void (async () => {
    let reply: ReadReply;
    try {
      if (!isReadJobName(request.job)) throw new Error(`unknown read job ${request.job}`);
      const value = await runReadJob(database, request.job, request.input);
      reply = { id: request.id, ok: true, value };
    } catch (err) {
      reply = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  })();
});
port.postMessage({ ready: true });
