// How tests start the real server and the CLI as child processes. `npm test` builds the server once
// (scripts/build-server.mjs into .tmp/test-server) and names the build in DUET_TEST_SERVER_DIR, so ~40 child
// processes per run start from JavaScript in well under a second instead of compiling TypeScript through tsx
// for several seconds each (issue 18: CI under 8 minutes; issue 19: the server runs built). Without it (a
// single file run with `npx vitest`), they run from source through tsx, as before.
import fs from 'node:fs';
import path from 'node:path';
import { testServerDir } from '../config.js';

function builtEntry(name: 'main' | 'cli'): string | null {
  const dir = testServerDir();
  if (!dir) return null;
  const file = path.resolve(dir, `${name}.js`);
  if (!fs.existsSync(file)) throw new Error(`DUET_TEST_SERVER_DIR names ${dir}, which holds no ${name}.js`);
  return file;
}

/** `node` and its arguments that run the server entry (src/server/main.ts, or its build). */
export function serverCommand(): [string, string[]] {
  const built = builtEntry('main');
  return built
    ? [process.execPath, ['--enable-source-maps', built]]
    : [process.execPath, ['--import', 'tsx', 'src/server/main.ts']];
}

/** `node` and its arguments that run the command line with `args` (src/server/cli.ts, or its build). */
export function cliCommand(...args: string[]): [string, string[]] {
  const built = builtEntry('cli');
  return built
    ? [process.execPath, ['--enable-source-maps', built, ...args]]
    : [process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args]];
}
