// The ceiling: a bare Fastify route with nothing in front of it (no cookies, helmet, sessions, zod or
// database), run as its own process like the real server, so the difference is what Duet's stack costs.
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? '0');
const app = Fastify({ logger: false });
app.get('/bare', () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
