// Issue 19: the security headers are built once at start. They must be exactly what @fastify/helmet sent with
// the options Duet gave it (the CSP of issue 13 and the rest), over HTTP and over HTTPS (HSTS).
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.js';

/** The options app.ts gave @fastify/helmet before issue 19. */
function helmetOptions(httpsOnly: boolean) {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: httpsOnly ? [] : null,
      },
    },
    strictTransportSecurity: httpsOnly,
  };
}

const transport = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void>) {
  const app = Fastify();
  await register(app);
  app.get('/x', () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return Object.fromEntries(Object.entries(res.headers).filter(([name]) => !transport.has(name)));
}

describe('security headers built once', () => {
  for (const httpsOnly of [false, true]) {
    it(`are exactly what @fastify/helmet sent (${httpsOnly ? 'HTTPS' : 'HTTP'})`, async () => {
      const fromHelmet = await headersOf(async (app) => {
        await app.register(helmet, helmetOptions(httpsOnly));
      });
      const ours = await headersOf((app) => {
        registerSecurityHeaders(app, httpsOnly);
        return Promise.resolve();
      });
      expect(ours).toEqual(fromHelmet);
      expect(Object.keys(ours).length).toBeGreaterThanOrEqual(11);
      expect('strict-transport-security' in ours).toBe(httpsOnly);
    });
  }

  it('forbids inline scripts and framing', () => {
    const csp = securityHeaders(false)['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(securityHeaders(true)['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
