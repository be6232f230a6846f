import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy every answer carries: Duet's own scripts only (no inline script), inline
 * styles allowed (the UI library sets them), images and fonts also as data: URLs, no plugins, never framed.
 * Over HTTPS, a page's plain http:// requests are upgraded.
 */
function contentSecurityPolicy(httpsOnly: boolean): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    ...(httpsOnly ? ['upgrade-insecure-requests'] : []),
    "connect-src 'self'",
  ].join(';');
}

/**
 * The security headers of every answer, built once when the app starts (issue 19: @fastify/helmet built them
 * anew for every request). The values are the ones helmet 8 sends with the options Duet gave it; the test
 * (security-headers.test.ts) compares them with @fastify/helmet's own answer. HSTS only when the clinic is
 * served over HTTPS (config.cookieSecure).
 */
export function securityHeaders(httpsOnly: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy(httpsOnly),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(httpsOnly ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
}

/**
 * Sets the precomputed headers on every answer as the request arrives, in the hook order helmet had (after
 * the rate limit's hook, so every answer carries what it carried before). A route may still replace one.
 */
export function registerSecurityHeaders(app: FastifyInstance, httpsOnly: boolean): void {
  const entries = Object.entries(securityHeaders(httpsOnly));
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of entries) reply.raw.setHeader(name, value);
    done();
  });
}
