// A verification worker thread (audit-verify-workers.ts): its own SQLite connection, one clinic's chain per
// message, verified exactly as on the main thread (verifyClinicChain).
import { parentPort, workerData } from 'node:worker_threads';
import { keyRingFrom } from './audit-keys.js';
import { sqliteChainPages } from './audit-verify.repository.js';
import { verifyClinicChain } from './audit-verify-clinic.js';
import type { VerifyReply, VerifyRequest, VerifyWorkerData } from './audit-verify-workers.js';

const port = parentPort;
if (!port) throw new Error('audit-verify-worker.ts runs as a worker thread only');
const data = workerData as VerifyWorkerData;
const keys = keyRingFrom(data.current, data.older);
const source = sqliteChainPages(data.file, 20_000);

port.on('message', (request: VerifyRequest) => {
  void (async () => {
    let reply: VerifyReply;
    try {
      const result = await verifyClinicChain(source.pages(request.check.clinicId), keys, request.check);
      reply = { id: request.id, ok: true, result };
    } catch (err) {
      reply = { id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  })();
});
port.postMessage({ ready: true });
