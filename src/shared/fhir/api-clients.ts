// The admin API of API clients (issue 16): zod schemas the routes use and the web page's types come from.
import { z } from 'zod';
import { parseScopes } from './scopes.js';
import { jwkSetSchema, signingAlgorithms } from './jwks.js';

export const apiClientStatusSchema = z.enum(['active', 'revoked']);

/** Space-separated SMART v2 system scopes; a bad one is named with the reason (at body.scopes). */
export const scopesTextSchema = z
  .string()
  .max(2000)
  .superRefine((text, ctx) => {
    const parsed = parseScopes(text);
    if (!parsed.ok)
      ctx.addIssue({
        code: 'custom',
        message: parsed.scope === '' ? parsed.message : `${parsed.scope}: ${parsed.message}`,
      });
  });

export const newApiClientSchema = z.object({
  name: z.string().trim().min(1, 'Name the integration.').max(120),
  scopes: scopesTextSchema,
  /** Limit to the patients these clinicians are on the care team of; absent or empty: the whole clinic. */
  teamMemberIds: z.array(z.uuid()).max(100).optional(),
  /** Public keys for private_key_jwt (SMART Backend Services), besides the secret. */
  jwks: jwkSetSchema.optional(),
});
export type NewApiClient = z.infer<typeof newApiClientSchema>;

export const apiClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.string(),
  teamMembers: z.array(z.object({ id: z.string(), name: z.string() })),
  status: apiClientStatusSchema,
  version: z.number().int(),
  createdAt: z.number().int(),
  secretRotatedAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
  /** The registered public keys (private_key_jwt), by kid; empty: the secret only. */
  publicKeys: z.array(z.object({ kid: z.string(), alg: z.enum(signingAlgorithms) })),
});
export type ApiClient = z.infer<typeof apiClientSchema>;

export const apiClientListSchema = z.object({ clients: z.array(apiClientSchema) });
export type ApiClientList = z.infer<typeof apiClientListSchema>;

/** Answered once, on creation and on rotation: the secret is never shown again (only its hash is kept). */
export const apiClientWithSecretSchema = z.object({ client: apiClientSchema, clientSecret: z.string() });
export type ApiClientWithSecret = z.infer<typeof apiClientWithSecretSchema>;

/** Registers, replaces (the whole set) or (null) removes a client's public keys; If-Match names the version. */
export const apiClientKeysSchema = z.object({ jwks: jwkSetSchema.nullable() });
export type ApiClientKeys = z.infer<typeof apiClientKeysSchema>;
