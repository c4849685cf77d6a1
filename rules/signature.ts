/**
 * Signed packs: an admin signs a built pack with an Ed25519 key (`preflight pack sign`), and the
 * extension takes it only when the signature verifies against a trusted public key. The signature
 * covers the pack's canonical JSON (keys sorted, the `signature` field left out).
 */
import { getPublicKeyAsync, signAsync, utils, verifyAsync } from '@noble/ed25519';
import type { Pack } from './schema';

export interface PublicKey {
  keyId: string;
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

function signedBytes(pack: Pack): Uint8Array {
  const { signature: _signature, ...unsigned } = pack;
  return new TextEncoder().encode(canonicalJson(unsigned));
}

async function keyIdOf(publicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey as BufferSource));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function generateKeyPair(): Promise<KeyPair> {
  const secret = utils.randomSecretKey();
  const publicKey = await getPublicKeyAsync(secret);
  return { keyId: await keyIdOf(publicKey), publicKey: toBase64(publicKey), secretKey: toBase64(secret) };
}

export async function signPack(pack: Pack, key: KeyPair): Promise<Pack> {
  const value = await signAsync(signedBytes(pack), fromBase64(key.secretKey));
  return { ...pack, signature: { algorithm: 'Ed25519', keyId: key.keyId, value: toBase64(value) } };
}

export type Verdict = { ok: true; keyId: string } | { ok: false; reason: string };

/** Whether the pack carries a signature that verifies against one of the trusted keys. */
export async function verifyPack(pack: Pack, trusted: readonly PublicKey[]): Promise<Verdict> {
  if (!pack.signature) return { ok: false, reason: 'the pack is not signed' };
  const key = trusted.find((k) => k.keyId === pack.signature?.keyId);
  if (!key)
    return { ok: false, reason: `it is signed with key ${pack.signature.keyId}, which is not among the trusted keys` };
  try {
    const ok = await verifyAsync(fromBase64(pack.signature.value), signedBytes(pack), fromBase64(key.publicKey));
    return ok
      ? { ok: true, keyId: key.keyId }
      : { ok: false, reason: 'the signature does not verify: the pack was changed after it was signed' };
  } catch {
    return { ok: false, reason: 'the signature is malformed' };
  }
}
