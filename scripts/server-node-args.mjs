// The Node options the built server runs with (issue 19), shared by scripts/start.mjs and the benchmarks:
//   --max-semi-space-size=4  V8's young generation at most 2 x 4 MiB instead of 2 x 16 MiB: 25 MiB less
//                            resident memory at idle, no measurable CPU per request
//   --heap-growing-percent=100  V8 lets the old generation grow to 2x what survived the last full collection
//                            before the next one (its own factor goes up to 4x): under load the heap used to
//                            reach ~140-175 MiB, of which ~45 MiB was live (a forced collection after the load
//                            brought it back to 44.5 MiB); peak RSS at ~1,750 req/s 340-342 -> 286-287 MiB,
//                            CPU per request within the noise (0.72-0.75 against 0.75-0.76 ms), idle unchanged
//   --enable-source-maps     only with DUET_SOURCE_MAPS=1: stack traces then name the TypeScript file and
//                            line (dist/server/*.js.map), at a cost of ~16 MiB resident on Node 20, ~48 MiB on
//                            Node 24 and ~0.2 s of CPU at start. Without it a stack names the bundle's line,
//                            which is readable (not minified; each module starts with a `// src/…` comment).
// Figures: docs/benchmarks.md, "Memory and start".
export const serverNodeArgs = [
  ...(process.env.DUET_SOURCE_MAPS === '1' ? ['--enable-source-maps'] : []),
  '--max-semi-space-size=4',
  '--heap-growing-percent=100',
];

// The environment the built server starts with, under whatever the operator sets (their value wins):
//   MALLOC_ARENA_MAX=2  glibc gives each thread that allocates its own malloc arena, up to 8 per core; the
//                       main thread, libuv's pool, V8's helpers and the read workers then keep free memory in
//                       many arenas. Two arenas (one per core here): idle 134.2-134.6 -> 130.0-131.5 MiB, peak under
//                       load 238-241 -> 222-225 MiB (Node 20, 5,000 clinic, alternating runs of bench/memory.ts
//                       at load 10-15; CPU per request within their noise).
//                       It must be set before the process starts, so it is not a Node option.
export const serverEnvironment = { MALLOC_ARENA_MAX: '2' };
