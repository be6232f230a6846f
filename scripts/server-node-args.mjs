// The Node options the built server runs with (issue 19), shared by scripts/start.mjs and the benchmarks:
//   --enable-source-maps     stack traces name the TypeScript file and line (dist/server/*.js.map)
//   --max-semi-space-size=4  V8's young generation at most 2 x 4 MiB instead of 2 x 16 MiB: 25 MiB less
//                            resident memory at idle, no measurable CPU per request (docs/benchmarks.md,
//                            "Memory and start")
export const serverNodeArgs = ['--enable-source-maps', '--max-semi-space-size=4'];
