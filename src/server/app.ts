import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './platform/deps.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { registerSecurityHooks } from './platform/http/security-hooks.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { closeConnectionsWhenClosing } from './platform/http/drain-on-close.js';
import { registerRequestScope } from './platform/http/request-context.js';
import {
  clientErrorHandler,
  isSourceMap,
  registerResponseHeaders,
} from './platform/http/response-headers.js';
import { rateLimitOptions } from './platform/http/rate-limit.js';
import { registerCompression } from './platform/http/compression.js';
import { webAssetHeaders } from './platform/http/web-assets.js';
import { healthRoutes } from './features/health/index.js';
import {
  authRoutes,
  adminRoutes,
  passwordResetRoutes,
  emailChangeRoutes,
} from './features/accounts/index.js';
import { patientRoutes } from './features/patients/index.js';
import { messagingRoutes, consultRoutes } from './features/messaging/index.js';
import { alertRoutes } from './features/alerts/index.js';
import { safetyReviewRoutes } from './features/safety-review/index.js';
import { registryRoutes } from './features/registry/index.js';
import { caseReviewRoutes } from './features/case-review/index.js';
import { careContactRoutes } from './features/care-contacts/index.js';
import { clinicRoutes } from './features/clinic/index.js';
import { treatmentPlanRoutes } from './features/treatment-plans/index.js';
import { measureRoutes } from './features/measures/index.js';
import { medicationRoutes, labResultRoutes } from './features/medications/index.js';
import { doseRoutes } from './features/doses/index.js';
import { calendarFeedRoutes } from './features/calendar-feed/index.js';
import { adherenceRoutes } from './features/adherence/index.js';
import { timelineRoutes } from './features/timeline/index.js';
import { documentRoutes } from './features/documents/index.js';
import { visitAgendaRoutes } from './features/visit-agenda/index.js';
import { appointmentRoutes } from './features/appointments/index.js';
import { noteRoutes } from './features/notes/index.js';
import { feedbackRoutes } from './features/feedback/index.js';
import { sideEffectRoutes } from './features/side-effects/index.js';
import { practiceRoutes } from './features/practice/index.js';
import { medicationSafetyProfileRoutes } from './features/allergies/index.js';
import { crisisRoutes } from './features/crisis/index.js';
import { clinicSafetyDataRoutes } from './features/clinic-safety-data/index.js';
import { securityRoutes } from './features/security/index.js';
import { apiClientRoutes, tokenRoutes } from './features/api-clients/index.js';
import { fhirRoutes } from './features/fhir/index.js';
import { pushRoutes } from './features/push/index.js';
import { worklistRoutes } from './features/worklist/index.js';
import { scheduleRoutes } from './features/schedule/index.js';

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web app from config.webDist when it exists. */
  serveWeb?: boolean;
  /** Where log lines go (default stdout); tests capture them to prove nothing sensitive is logged. */
  logStream?: NodeJS.WritableStream;
}

/** Every feature's routes, in one list: the authorization matrix test walks what this registers. */
export const featureRoutes = [
  healthRoutes,
  authRoutes,
  passwordResetRoutes,
  emailChangeRoutes,
  adminRoutes,
  patientRoutes,
  messagingRoutes,
  consultRoutes,
  alertRoutes,
  safetyReviewRoutes,
  clinicRoutes,
  treatmentPlanRoutes,
  measureRoutes,
  crisisRoutes,
  medicationRoutes,
  labResultRoutes,
  doseRoutes,
  calendarFeedRoutes,
  adherenceRoutes,
  timelineRoutes,
  documentRoutes,
  visitAgendaRoutes,
  appointmentRoutes,
  noteRoutes,
  registryRoutes,
  worklistRoutes,
  scheduleRoutes,
  caseReviewRoutes,
  careContactRoutes,
  feedbackRoutes,
  sideEffectRoutes,
  practiceRoutes,
  medicationSafetyProfileRoutes,
  clinicSafetyDataRoutes,
  securityRoutes,
  apiClientRoutes,
  tokenRoutes,
  fhirRoutes,
  pushRoutes,
];

/** A hop count trusts that many proxies nearest the server; never the leftmost, client-written address. */
const trustedProxies = (trust: false | number | string[]) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    // Closing: answer requests on open connections instead of 503, and close idle kept-alive connections
    // only after a grace period, never at once (platform/http/drain-on-close.ts).
    return503OnClosing: false,
    forceCloseConnections: false,
    clientErrorHandler,
    trustProxy: trustedProxies(deps.config.trustProxy),
    logger: opts.logger
      ? {
          level: deps.config.logLevel,
          ...(opts.logStream ? { stream: opts.logStream } : {}),
          // Log the route pattern, never the raw URL (invite tokens) nor headers, cookies or bodies.
          serializers: {
            req: (req: { method: string; routeOptions?: { url?: string } }) => ({
              method: req.method,
              route: req.routeOptions?.url ?? '(unmatched)',
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: ['req.headers', 'headers.cookie', 'headers.authorization', '*.password', '*.token'],
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(rateLimit, rateLimitOptions(deps.config));
  // Security headers (CSP and the rest), built once at start (issue 19; the values helmet sent).
  registerSecurityHeaders(app, deps.config.cookieSecure);
  closeConnectionsWhenClosing(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Duet API',
        version: '0.1.0',
        description: 'See docs/api.md for authentication and conventions.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandler(app);
  registerRequestScope(app);
  registerSecurityHooks(app, deps);
  registerResponseHeaders(app);
  // Issue 17: /api JSON answers compressed by Accept-Encoding (after the hooks that set headers).
  registerCompression(app);
  app.get('/api/openapi.json', { config: { policy: { access: 'public' } }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  for (const routes of featureRoutes) routes(app, deps);

  const indexHtml = path.join(deps.config.webDist, 'index.html');
  const hasWeb = opts.serveWeb !== false && fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: deps.config.webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // Source maps stay out of production answers (issue 13, minor): a .map path is a plain 404.
      allowedPath: (pathname) => !isSourceMap(pathname),
      // Issue 17: brotli/gzip siblings from the build, hashed assets immutable, index.html no-cache.
      preCompressed: true,
      setHeaders: webAssetHeaders(deps.config.webDist),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET' || isSourceMap(request.url)) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'No such route' } });
    }
    // Client-side routes of the single-page app all answer with index.html.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
