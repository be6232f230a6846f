import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors.js';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The one error model: every failure leaves as { error: { code, message, details? } }. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replaceAll('/', '.') : ''}`,
        message: v.message ?? 'Invalid value',
      }));
      return reply
        .status(400)
        .send(body('validation_failed', 'Some fields are missing or not valid.', details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error(
        { route: request.routeOptions.url, issues: err.cause.issues.map((i) => i.path.join('.')) },
        'response did not match its schema',
      );
      return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
    }
    const status = err.statusCode ?? 500;
    if (status === 413)
      return reply.status(413).send(body('payload_too_large', 'The request body is too large.'));
    if (status === 415)
      return reply
        .status(415)
        .send(body('unsupported_media_type', 'Send JSON (content-type: application/json).'));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, empty body with a JSON content type, bad URL encoding.
      return reply
        .status(400)
        .send(body('validation_failed', 'The request could not be read. Send valid JSON.'));
    }
    // Never echo internals: the log gets the error name and route, not the request body.
    request.log.error(
      { err: { name: err.name, message: err.message, stack: err.stack }, route: request.routeOptions.url },
      'unhandled error',
    );
    return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
  });
}
