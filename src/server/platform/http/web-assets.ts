import path from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * Issue 17 ("Fast"): how the built web app is cached. Files under `assets/` carry a content hash in their
 * name, so a browser keeps them a year without asking again; everything else (index.html, favicon) is
 * revalidated on every visit so a new build is picked up at once; so is the service worker `/sw.js`, which
 * then installs the new build's files for the next visit.
 */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/** The service worker (src/web/sw/, issue 17 "offline"): at the root, so its scope is the whole app. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** True for a file of the build's `assets/` folder (its name carries a content hash). */
export function isHashedAsset(webDist: string, filePath: string): boolean {
  const relative = path.relative(webDist, filePath);
  return relative.split(path.sep)[0] === 'assets';
}

/**
 * `setHeaders` for @fastify/static: the Cache-Control above. The precompressed `.br`/`.gz` siblings written
 * by scripts/build-compress.mjs are chosen by @fastify/static (`preCompressed`) from Accept-Encoding, br
 * before gzip before the plain file, with `Vary: accept-encoding`.
 */
export function webAssetHeaders(webDist: string): (reply: FastifyReply, filePath: string) => void {
  return (reply, filePath) => {
    reply.header('cache-control', isHashedAsset(webDist, filePath) ? HASHED_ASSET_CACHE : REVALIDATE_CACHE);
    // The browser asks for a new worker on every visit (no-cache above) and the worker may serve all of '/'.
    if (path.relative(webDist, filePath) === SERVICE_WORKER_FILE) reply.header('service-worker-allowed', '/');
  };
}
