import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { testServerDir } from '../config.js';

/**
 * Starts a worker thread on one of the server's worker entries (issue 19), whichever way the server runs:
 *
 * - Built (`node dist/server/main.js`, scripts/build-server.mjs): every entry is bundled beside this code
 *   as `dist/server/<name>.js`, so the worker loads `<name>.js` from this module's own directory; no
 *   TypeScript is compiled at start.
 * - From source (tsx, vitest): a worker does not inherit the main thread's module hooks, so it registers
 *   tsx first and then imports the `.ts` entry.
 *
 * `source` is the entry's `.ts` URL next to its caller (`new URL('./read-worker.ts', import.meta.url)`);
 * built, only its file name is used.
 */
export function startWorker(source: URL, options: WorkerOptions = {}): Worker {
  if (runningBuilt(import.meta.url)) return new Worker(builtEntry(source, import.meta.url), options);
  // Under `npm test` the server is built once (testing/server-command.ts): a test's worker starts from that
  // build, as in production, instead of compiling its entry's modules through tsx in every new thread (1-2 s
  // of CPU per worker; issue 18: the tests' CPU).
  const testBuild = testServerDir();
  if (testBuild)
    return new Worker(builtEntry(source, pathToFileURL(path.join(testBuild, 'main.js')).href), options);
  return new Worker(tsxSource(source), { ...options, eval: true });
}

/** True when this code runs from the built bundle (a `.js` module), false under tsx or vitest (`.ts`). */
export function runningBuilt(moduleUrl: string): boolean {
  return moduleUrl.endsWith('.js');
}

/** The built file of a worker entry: `<name>.js` in the directory of the running bundle `here`. */
export function builtEntry(source: URL, here: string): URL {
  const name = path.basename(fileURLToPath(source)).replace(/\.ts$/, '.js');
  return new URL(`./${name}`, here);
}

function tsxSource(entry: URL): string {
  // Resolved here, against this file, so the worker finds tsx whatever the working directory.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
}
