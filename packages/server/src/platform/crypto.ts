import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// GB/T 39786-2021: SM3 for integrity, SM4 for confidential data at rest.

export const sm3 = (data: string | Buffer) => createHash('sm3').update(data).digest('hex');
export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** SM4-CBC with a random IV; returns 'iv:ciphertext' in hex. The key is 16 bytes. */
export const sm4Encrypt = (key: Buffer, plain: string) => {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', key, iv);
  return `${iv.toString('hex')}:${Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('hex')}`;
};

export const sm4Decrypt = (key: Buffer, sealed: string) => {
  const [ivHex, dataHex] = sealed.split(':');
  const decipher = createDecipheriv('sm4-cbc', key, Buffer.from(ivHex ?? '', 'hex'));
  return Buffer.concat([decipher.update(Buffer.from(dataHex ?? '', 'hex')), decipher.final()]).toString(
    'utf8',
  );
};

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** JSON with object keys sorted at every depth, so a jsonb round trip hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
};
