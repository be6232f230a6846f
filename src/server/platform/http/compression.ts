// Issue 17 ("Fast"): the API's JSON answers travel compressed to a phone on a slow network. The web app's
// files are compressed once at build time (scripts/build-compress.mjs, served by @fastify/static); this hook
// compresses what the API writes per request, by the browser's Accept-Encoding (brotli, then gzip).
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs (about one packet). */
export const COMPRESS_MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The encoding to answer with for an Accept-Encoding header: brotli when accepted, else gzip, else none.
 * `q=0` refuses an encoding; `*` accepts any not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding): number => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

/** JSON and other text the API writes; never an event stream (it must reach the browser as it is written). */
export function isCompressibleType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/event-stream') return false;
  return type.startsWith('text/') || type === 'application/json' || type.endsWith('+json');
}

function addVary(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) {
    reply.header('vary', 'Accept-Encoding');
    return;
  }
  const current = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
  if (current.split(',').some((v) => ['accept-encoding', '*'].includes(v.trim().toLowerCase()))) return;
  reply.header('vary', current === '' ? 'Accept-Encoding' : `${current}, Accept-Encoding`);
}

async function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  // Per request, speed over the last few per cent: brotli quality 4 and gzip level 6 (the build uses the
  // slowest settings once). The async forms run on libuv's thread pool, never on the event loop.
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return gzip(body, { level: 6 });
}

/**
 * Compresses /api answers of a text type (JSON, FHIR JSON, CSV, calendars) above COMPRESS_MIN_BYTES when the
 * browser accepts brotli or gzip. Headers set by the routes stay as they are (ETag, Cache-Control); the answer
 * says `Vary: Accept-Encoding`. Streams (PDFs, downloads), answers already encoded, event streams, HEAD and
 * answers without a body are left alone.
 */
export function registerCompression(app: FastifyInstance): void {
  // A callback hook (issue 19): most answers are sent as they are, with no promise made for them; only an
  // answer that is compressed waits for the thread pool.
  app.addHook('onSend', (request, reply, payload, done) => {
    const encoding = encodingFor(request, reply, payload);
    if (encoding === null) {
      done(null, payload);
      return;
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer);
    if (body.length < COMPRESS_MIN_BYTES) {
      done(null, payload);
      return;
    }
    compress(body, encoding).then(
      (compressed) => {
        reply.header('content-encoding', encoding);
        reply.removeHeader('content-length');
        done(null, compressed);
      },
      (err: unknown) => {
        done(err instanceof Error ? err : new Error('compression failed'));
      },
    );
  });
}

/** The encoding this answer is compressed with, or null to send it as it is (and Vary set when it could be). */
function encodingFor(request: FastifyRequest, reply: FastifyReply, payload: unknown): Encoding | null {
  if (!request.url.startsWith('/api/') || request.method === 'HEAD') return null;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return null;
  if (reply.statusCode === 204 || reply.statusCode === 304 || reply.hasHeader('content-encoding'))
    return null;
  const contentType = reply.getHeader('content-type');
  if (!isCompressibleType(typeof contentType === 'string' ? contentType : undefined)) return null;
  addVary(reply);
  // The encoding first: an answer nobody asked to compress is never copied into a Buffer (issue 19: that
  // copy was ~4 % of the caseload's CPU, for a client that sends no Accept-Encoding).
  return chooseEncoding(request.headers['accept-encoding']);
}
