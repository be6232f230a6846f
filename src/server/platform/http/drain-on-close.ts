import type { FastifyInstance } from 'fastify';

/**
 * How long idle kept-alive connections stay open once closing began: longer than the proxy keeps its idle
 * upstream connections (`keepalive_timeout 2s` in deploy/nginx.conf's upstream block), shorter than the 5 s
 * in which main.ts must have exited.
 */
export const IDLE_CONNECTION_GRACE_MS = 3_000;

/**
 * Rolling restarts behind a proxy (issue 19, deploy/nginx.conf). Once the server is closing (SIGTERM), a request
 * that still arrives on a kept-alive connection is answered as usual (Fastify's `return503OnClosing: false`
 * in app.ts; a proxy does not retry a 503 for a POST it has sent) with `Connection: close`, and so is every
 * request that was in flight when closing began: each connection closes right after its answer, from our side
 * and never while the proxy may be reusing it, so the port's last connection does not hold the exit until
 * the 5-second limit in main.ts. New connections are refused from the start, which the proxy retries safely.
 */
export function closeConnectionsWhenClosing(
  app: FastifyInstance,
  idleGraceMs = IDLE_CONNECTION_GRACE_MS,
): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    // Idle kept-alive connections are closed only after the grace: closing one at once races the proxy,
    // which may be sending a request on it at that very moment (nginx answers that POST with 502 and, rightly,
    // does not retry it). By the end of the grace the proxy has closed its idle connections itself. Node's
    // http server.close() stops listening at once and closes idle connections through this method, so the
    // listening socket still closes at once.
    const server = app.server;
    const closeIdleNow = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => {
      setTimeout(closeIdleNow, idleGraceMs).unref();
    };
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
