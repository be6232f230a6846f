import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Issue 13 (minor): no /api answer is kept by a browser or proxy cache (patient data must not stay on a
 * shared computer's disk or in an intermediary), whatever route, status or error produced it.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: no promise per request (issue 19).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/')) {
      void reply.header('Cache-Control', 'no-store');
      void reply.header('Pragma', 'no-cache');
    }
    done(null, payload);
  });
}

/** True for a built source map: the server never serves them (they name the whole web source). */
export const isSourceMap = (pathname: string): boolean => /\.map$/i.test(pathname.split('?')[0] ?? '');

const clientErrors: Record<string, { status: number; label: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    label: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    label: 'Request Timeout',
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (oversized headers, timeouts, malformed
 * requests) answer in the usual `{ error: { code, message } }` shape instead of Fastify's default body.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = clientErrors[err.code ?? ''] ?? {
    status: 400,
    label: 'Bad Request',
    code: 'bad_request',
    message: 'The request could not be read.',
  };
  const body = JSON.stringify({ error: { code: known.code, message: known.message } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${String(known.status)} ${known.label}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
