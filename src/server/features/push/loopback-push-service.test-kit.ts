import { createECDH, createPublicKey, hkdfSync, createDecipheriv, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A push service on loopback for tests (issue 17): it accepts the Web Push POST, checks the VAPID
 * Authorization header (RFC 8292: ES256 JWT signed by the key in k=) and decrypts the aes128gcm body with the
 * subscription's private key (RFC 8291 key derivation, RFC 8188 record), written here with node:crypto alone
 * so the test does not trust the library it checks. Each subscription it hands out is a real key pair.
 */
export interface ReceivedPush {
  subscriptionId: string;
  payload: unknown;
  ttl: string | undefined;
  urgency: string | undefined;
  topic: string | undefined;
  vapidSubject: string;
  vapidPublicKey: string;
}

export interface LoopbackPushService {
  origin: string;
  received: ReceivedPush[];
  /** Answers the next POSTs to this subscription with these statuses (then 201 again). */
  answerNext(subscriptionId: string, ...statuses: number[]): void;
  newSubscription(): { id: string; endpoint: string; keys: { p256dh: string; auth: string } };
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString('base64url');

/** RFC 8291 §3.4 + RFC 8188 §2: the plaintext of a one-record aes128gcm body, or an error. */
export function decryptAes128gcm(
  body: Buffer,
  uaPrivate: Buffer,
  uaPublic: Buffer,
  authSecret: Buffer,
): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idLen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLen);
  const record = body.subarray(21 + idLen);
  if (idLen !== 65 || rs < 18 || record.length > rs) throw new Error('bad aes128gcm header');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivate);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('last record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<jwt>, k=<key>`; the JWT's ES256 signature must verify with k, aud must be our origin. */
export function checkVapid(
  header: string | undefined,
  origin: string,
): { subject: string; publicKey: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m?.[1] || !m[2]) throw new Error('no VAPID authorization');
  const [h, p, s] = m[1].split('.');
  if (!h || !p || !s) throw new Error('bad JWT');
  const point = Buffer.from(m[2], 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33, 65)) },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as {
    aud: string;
    sub: string;
    exp: number;
  };
  if (claims.aud !== origin) throw new Error(`VAPID aud ${claims.aud} is not ${origin}`);
  return { subject: claims.sub, publicKey: m[2] };
}

export async function startLoopbackPushService(): Promise<LoopbackPushService> {
  const subscriptions = new Map<string, { priv: Buffer; pub: Buffer; auth: Buffer }>();
  const scripted = new Map<string, number[]>();
  const received: ReceivedPush[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([a-z0-9]+)$/.exec(req.url ?? '')?.[1];
      const sub = id === undefined ? undefined : subscriptions.get(id);
      if (req.method !== 'POST' || id === undefined || !sub) {
        res.writeHead(404).end();
        return;
      }
      const next = scripted.get(id)?.shift();
      if (next !== undefined) {
        res.writeHead(next).end();
        return;
      }
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        const vapid = checkVapid(req.headers.authorization, origin);
        const plain = decryptAes128gcm(Buffer.concat(chunks), sub.priv, sub.pub, sub.auth);
        received.push({
          subscriptionId: id,
          payload: JSON.parse(plain.toString('utf8')) as unknown,
          ttl: req.headers.ttl as string | undefined,
          urgency: req.headers.urgency as string | undefined,
          topic: req.headers.topic as string | undefined,
          vapidSubject: vapid.subject,
          vapidPublicKey: vapid.publicKey,
        });
        res.writeHead(201).end();
      } catch (err) {
        res
          .writeHead(400, { 'content-type': 'text/plain' })
          .end(err instanceof Error ? err.message : 'bad push');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    received,
    answerNext(subscriptionId, ...statuses) {
      scripted.set(subscriptionId, [...(scripted.get(subscriptionId) ?? []), ...statuses]);
    },
    newSubscription() {
      const ecdh = createECDH('prime256v1');
      const pub = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(8).toString('hex');
      subscriptions.set(id, { priv: ecdh.getPrivateKey(), pub, auth });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(pub), auth: b64u(auth) } };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
