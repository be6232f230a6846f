/**
 * Where the heaviest reads run: read worker threads in the server, the main thread in tests
 * (src/server/reads/read-pool.ts). The platform names only the shape of a read runner; which reads exist is
 * registered by src/server/reads/read-jobs.ts, which adds its jobs to `ReadJobRegistry` (TypeScript
 * declaration merging). So the platform never imports a feature (issue 18), and `deps.reads.run` stays typed.
 */
// A registration point, filled in by reads/read-jobs.ts: empty here on purpose.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReadJobRegistry {}

export type ReadJobName = keyof ReadJobRegistry;
export type ReadJobInput<K extends ReadJobName> = ReadJobRegistry[K] extends (
  db: never,
  input: infer I,
) => unknown
  ? I
  : never;
export type ReadJobOutput<K extends ReadJobName> = ReadJobRegistry[K] extends (
  ...args: never[]
) => Promise<infer O>
  ? O
  : never;

export interface ReadRunner {
  run<K extends ReadJobName>(job: K, input: ReadJobInput<K>): Promise<ReadJobOutput<K>>;
  /** Worker threads ready to serve reads (0: the main thread computes them). */
  readonly threads: number;
  close(): Promise<void>;
}
