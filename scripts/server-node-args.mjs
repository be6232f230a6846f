// The Node options the built server runs with (issue 19), shared by scripts/start.mjs and the benchmarks:
//   --max-semi-space-size=4  V8's young generation at most 2 x 4 MiB instead of 2 x 16 MiB: 25 MiB less
//                            resident memory at idle, no measurable CPU per request
//   --enable-source-maps     only with DUET_SOURCE_MAPS=1: stack traces then name the TypeScript file and
//                            line (dist/server/*.js.map), at a cost of ~16 MiB resident on Node 20, ~48 MiB on
//                            Node 24 and ~0.2 s of CPU at start. Without it a stack names the bundle's line,
//                            which is readable (not minified; each module starts with a `// src/…` comment).
// Figures: docs/benchmarks.md, "Memory and start".
export const serverNodeArgs = [
  ...(process.env.DUET_SOURCE_MAPS === '1' ? ['--enable-source-maps'] : []),
  '--max-semi-space-size=4',
];
