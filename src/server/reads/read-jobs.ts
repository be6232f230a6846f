import { registryJson } from '../features/registry/index.js';

/**
 * The reads heavy enough to run on a read worker (reads/read-pool.ts): each takes a database handle inside
 * a read transaction and plain, cloneable input, and returns plain data. Nothing here writes, audits or
 * reads the clock: the caller passes `now` and records the access.
 */
export const readJobs = {
  registryJson,
};

export type ReadJobs = typeof readJobs;
export type ReadJobName = keyof ReadJobs;
export type ReadJobInput<K extends ReadJobName> = Parameters<ReadJobs[K]>[1];
export type ReadJobOutput<K extends ReadJobName> = Awaited<ReturnType<ReadJobs[K]>>;

export function isReadJobName(name: unknown): name is ReadJobName {
  return typeof name === 'string' && Object.hasOwn(readJobs, name);
}
