// Vitest global setup of the browser journeys: seed the demo clinic once, in a data directory every journey's
// server starts from a copy of (support/server.ts), instead of each of ~25 servers seeding it again (issue 18:
// CI under 8 minutes). The demo is seeded relative to the moment of seeding; the journeys of one run follow
// within minutes, as a person exploring the demo would.
import { rmSync } from 'node:fs';
import { startServer } from './server';

let templateDir: string | null = null;

export async function setup(): Promise<void> {
  if (process.env.DUET_E2E_DEMO_TEMPLATE) return; // given from outside: use it as it is
  const server = await startServer({}, { keepDataDir: true });
  // SIGTERM: the server closes its database, so the directory holds the whole clinic (no write-ahead log).
  await server.stop();
  templateDir = server.dataDir;
  // Test workers are started after this and inherit the environment.
  process.env.DUET_E2E_DEMO_TEMPLATE = templateDir;
}

export function teardown(): void {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
}
