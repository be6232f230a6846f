import { registryJson, registryRead } from '../features/registry/index.js';
import { worklistRead } from '../features/worklist/index.js';
import { caseloadRead } from '../features/patients/index.js';

/**
 * The reads heavy enough to run on a read worker (reads/read-pool.ts): each takes a database handle inside
 * a read transaction and plain, cloneable input, and returns plain data. Nothing here writes, audits or
 * reads the clock: the caller passes `now` and records the access.
 */
export const readJobs = {
  registryJson,
  registryRead,
  worklistRead,
  caseloadRead,
};

export type ReadJobs = typeof readJobs;

// Registers the jobs with the platform's read runner (platform/reads.ts), which never imports a feature.
declare module '../platform/reads.js' {
  interface ReadJobRegistry {
    registryJson: typeof registryJson;
    registryRead: typeof registryRead;
    worklistRead: typeof worklistRead;
    caseloadRead: typeof caseloadRead;
  }
}

export function isReadJobName(name: unknown): name is keyof ReadJobs {
  return typeof name === 'string' && Object.hasOwn(readJobs, name);
}
