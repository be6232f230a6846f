import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeConnectionsWhenClosing } from './drain-on-close.js';

function get(agent: http.Agent, port: number): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get({ agent, host: '127.0.0.1', port, path: '/slow' }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      })
      .on('error', reject);
  });
}

describe('closing the server behind a keep-alive proxy', () => {
  it('answers the request in flight with Connection: close, so the close ends without waiting for idle timeouts', async () => {
    const app = Fastify({ return503OnClosing: false });
    closeConnectionsWhenClosing(app);
    let release: () => void = () => undefined;
    const started = new Promise<void>((ready) => {
      app.get('/slow', async () => {
        ready();
        await new Promise<void>((r) => (release = r));
        return { ok: true };
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const inFlight = get(agent, port);
      await started;
      const closed = app.close();
      // close() runs its preClose hooks on a later turn; the request is still in flight meanwhile.
      await new Promise((r) => setTimeout(r, 100));
      release();
      const answer = await inFlight;
      expect(answer).toEqual({ status: 200, connection: 'close' });
      // Without the header the kept-alive connection would hold close() open for Fastify's 72 s keep-alive.
      const result = await Promise.race([
        closed.then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('still open after 2 s'), 2000)),
      ]);
      expect(result).toBe('closed');
    } finally {
      agent.destroy();
    }
  });

  it('closes an idle kept-alive connection only after the grace, then close() ends', async () => {
    const app = Fastify({ return503OnClosing: false, forceCloseConnections: false });
    closeConnectionsWhenClosing(app, 300);
    app.get('/slow', () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await get(agent, (app.server.address() as AddressInfo).port);
      const socket = Object.values(agent.freeSockets).flat()[0];
      expect(socket).toBeDefined();
      const socketClosed = new Promise<number>((resolve) => socket?.once('close', () => resolve(Date.now())));
      const started = Date.now();
      await app.close();
      // Open through the grace (a proxy closes its own idle connections first), closed at its end, and close()
      // ends then, not at Fastify's 72 s keep-alive timeout.
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await socketClosed) - started).toBeGreaterThanOrEqual(250);
    } finally {
      agent.destroy();
    }
  });

  it('keeps connections alive while the server is not closing', async () => {
    const app = Fastify({ return503OnClosing: false });
    closeConnectionsWhenClosing(app);
    app.get('/slow', () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answer = await get(agent, (app.server.address() as AddressInfo).port);
      expect(answer).toEqual({ status: 200, connection: 'keep-alive' });
    } finally {
      agent.destroy();
      await app.close();
    }
  });
});
