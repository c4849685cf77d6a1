/**
 * Signed packs: an admin signs a built pack with an Ed25519 key (`preflight pack sign`), and the
 * extension takes it only when the signature verifies against a trusted public key. The signature
 * covers the pack's canonical JSON (keys sorted, the `signature` field left out).
 */
import { getPublicKeyAsync, signAsync, utils, verifyAsync } from '@noble/ed25519';
import type { Pack } from './schema';

export interface PublicKey {
  keyId: string;
  /** Whose key it is ("duty-lead", "legal"), shown beside what it signed. */
  name?: string | undefined;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}
export interface KeyPair extends PublicKey {
  /** Raw 32-byte Ed25519 secret key, base64. Keep it out of the repository. */
  secretKey: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** JSON with keys in sorted order at every level: the same bytes wherever it is computed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The bytes a signature covers: the document's canonical JSON without its `signature` field. */
function signedBytes(document: { signature?: unknown }): Uint8Array {
  const { signature: _signature, ...unsigned } = document;
  return new TextEncoder().encode(canonicalJson(unsigned));
}

async function keyIdOf(publicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey as BufferSource));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function generateKeyPair(name?: string): Promise<KeyPair> {
  const secret = utils.randomSecretKey();
  const publicKey = await getPublicKeyAsync(secret);
  return {
    keyId: await keyIdOf(publicKey),
    ...(name ? { name } : {}),
    publicKey: toBase64(publicKey),
    secretKey: toBase64(secret),
  };
}

/** A key's name for people: its own name when it has one, else its id. */
export const keyName = (key: PublicKey | undefined, keyId: string): string => key?.name ?? keyId;

export interface Signature {
  algorithm: 'Ed25519';
  keyId: string;
  value: string;
}

/** Sign any JSON document (a pack, a team state) the same way: over its canonical JSON. */
export async function signDocument<T extends { signature?: Signature | undefined }>(
  document: T,
  key: KeyPair,
): Promise<T> {
  const value = await signAsync(signedBytes(document), fromBase64(key.secretKey));
  return { ...document, signature: { algorithm: 'Ed25519', keyId: key.keyId, value: toBase64(value) } };
}

export const signPack = (pack: Pack, key: KeyPair): Promise<Pack> => signDocument(pack, key);

export type Verdict = { ok: true; keyId: string } | { ok: false; reason: string };

/** Whether the pack carries a signature that verifies against one of the trusted keys. */
export function verifyPack(pack: Pack, trusted: readonly PublicKey[]): Promise<Verdict> {
  return verifyDocument(pack, trusted, 'the pack');
}

/** Whether a document carries a signature that verifies against one of the trusted keys. */
export async function verifyDocument(
  document: { signature?: Signature | undefined },
  trusted: readonly PublicKey[],
  what: string,
): Promise<Verdict> {
  const { signature } = document;
  if (!signature) return { ok: false, reason: `${what} is not signed` };
  const key = trusted.find((k) => k.keyId === signature.keyId);
  if (!key)
    return { ok: false, reason: `it is signed with key ${signature.keyId}, which is not among the trusted keys` };
  try {
    const ok = await verifyAsync(fromBase64(signature.value), signedBytes(document), fromBase64(key.publicKey));
    return ok
      ? { ok: true, keyId: key.keyId }
      : { ok: false, reason: `the signature does not verify: ${what} was changed after it was signed` };
  } catch {
    return { ok: false, reason: 'the signature is malformed' };
  }
}
