// Issue 17 ("Fast"): precompress the built web app once, at build time, so the server sends bytes it does
// not have to squeeze per request. Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
// beside every text file of dist/web; @fastify/static (`preCompressed`, src/server/app.ts) picks one from
// the request's Accept-Encoding: br, then gzip, then the plain file. Source maps are never served, so they
// are not compressed.
//
//   node scripts/build-compress.mjs [dist/web]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/i;

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function brotli(buffer) {
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

function gzip(buffer) {
  return gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION });
}

function main() {
  const root = path.resolve(process.argv[2] ?? 'dist/web');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`build-compress: no build at ${root}`);
    process.exit(1);
  }
  let count = 0;
  for (const file of filesUnder(root)) {
    if (!COMPRESSIBLE.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
    const plain = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(plain));
    writeFileSync(`${file}.gz`, gzip(plain));
    count++;
  }
  console.log(
    `build-compress: ${count} files precompressed (brotli and gzip) in ${path.relative(process.cwd(), root)}`,
  );
}

main();
