import type { FastifyInstance } from 'fastify';

/**
 * Rolling restarts behind a proxy (issue 19, deploy/nginx.conf). Once the server is closing (SIGTERM), a request
 * that still arrives on a kept-alive connection is answered as usual (Fastify's `return503OnClosing: false`
 * in app.ts; a proxy does not retry a 503 for a POST it has sent) with `Connection: close`, and so is every
 * request that was in flight when closing began: each connection closes right after its answer, from our side
 * and never while the proxy may be reusing it, so the port's last connection does not hold the exit until
 * the 5-second limit in main.ts. New connections are refused from the start, which the proxy retries safely.
 */
export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
