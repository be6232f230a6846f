import { z } from 'zod';

/**
 * A client's public keys for `private_key_jwt` (SMART Backend Services, "Registering a SMART Backend Service":
 * the client registers a JSON Web Key Set; its JWTs are signed RS384 or ES384, and each names its key by `kid`).
 * Only public keys are accepted: a private member (RSA d, p, q, dp, dq, qi; EC d) is refused, not dropped.
 * Whether `n`/`e` or `x`/`y` make a real key is checked by the server (node:crypto), not here.
 */
export const signingAlgorithms = ['RS384', 'ES384'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

const b64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'Use base64url (letters, digits, - and _).')
  .max(2048);
const kid = z.string().trim().min(1, 'Name the key (kid).').max(200);
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const common = {
  kid,
  use: z.literal('sig', 'A signing key has use "sig".').optional(),
  key_ops: z.array(z.string()).max(4).optional(),
  ext: z.boolean().optional(),
};

const rsaKey = z.object({
  ...common,
  kty: z.literal('RSA'),
  alg: z.literal('RS384', 'An RSA key signs with RS384.').optional(),
  n: b64url,
  e: b64url,
});
const ecKey = z.object({
  ...common,
  kty: z.literal('EC'),
  alg: z.literal('ES384', 'An EC key signs with ES384.').optional(),
  crv: z.literal('P-384', 'ES384 uses the P-384 curve.'),
  x: b64url,
  y: b64url,
});

export const publicJwkSchema = z
  .looseObject({ kty: z.string() })
  .superRefine((key, ctx) => {
    const secret = privateMembers.find((m) => m in key);
    if (secret !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [secret],
        message: 'This is a private key: paste the public keys only.',
      });
  })
  .pipe(z.discriminatedUnion('kty', [rsaKey, ecKey], 'Use an RSA (RS384) or EC P-384 (ES384) key.'));
export type PublicJwk = z.infer<typeof publicJwkSchema>;

export const jwkSetSchema = z.object({
  keys: z
    .array(publicJwkSchema)
    .min(1, 'Add at least one key.')
    .max(10, 'Up to 10 keys.')
    .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, 'Each key needs its own kid.'),
});
export type JwkSet = z.infer<typeof jwkSetSchema>;

/** The algorithm a key signs with (RSA: RS384, EC P-384: ES384). */
export const algorithmOf = (key: PublicJwk): SigningAlgorithm => (key.kty === 'RSA' ? 'RS384' : 'ES384');
