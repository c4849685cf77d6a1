/**
 * A private key in the options page (a reviewer's, or the team key whoever is on duty signs team
 * states with), kept only encrypted with its holder's passphrase
 * (WebCrypto: PBKDF2-SHA-256 derives an AES-GCM key; a fresh salt and IV each time). The public
 * part stays readable, so the page can say whose key it is. Never in policy, never sent anywhere.
 */
import type { KeyPair } from '../rules/signature';
import { type SealedKey, storage } from './storage';

export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 10;

export type { SealedKey };

/** Which key: a reviewer's (approval codes) or the team's (team states); each has its own place. */
export type KeySlot = 'reviewer' | 'team';
const ITEM = { reviewer: storage.reviewerSecret, team: storage.teamSecret } as const;
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function aesKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealKey(key: KeyPair, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<SealedKey> {
  if (passphrase.length < MIN_PASSPHRASE) throw new Error(`the passphrase needs ${MIN_PASSPHRASE} characters or more`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The key's id and public key are bound to the ciphertext: a swapped public part fails to open.
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`${key.keyId}:${key.publicKey}`) },
    await aesKey(passphrase, salt, iterations),
    fromBase64(key.secretKey) as BufferSource,
  );
  return {
    keyId: key.keyId,
    ...(key.name ? { name: key.name } : {}),
    publicKey: key.publicKey,
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    sealed: toBase64(new Uint8Array(sealed)),
  };
}

/** The key pair, or an error saying the passphrase is wrong. */
export async function openKey(sealed: SealedKey, passphrase: string): Promise<KeyPair> {
  try {
    const secret = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(sealed.iv) as BufferSource,
        additionalData: new TextEncoder().encode(`${sealed.keyId}:${sealed.publicKey}`),
      },
      await aesKey(passphrase, fromBase64(sealed.salt), sealed.iterations),
      fromBase64(sealed.sealed) as BufferSource,
    );
    return {
      keyId: sealed.keyId,
      ...(sealed.name ? { name: sealed.name } : {}),
      publicKey: sealed.publicKey,
      secretKey: toBase64(new Uint8Array(secret)),
    };
  } catch {
    throw new Error('the passphrase is wrong (or the stored key was changed)');
  }
}

export const readSealedKey = (slot: KeySlot): Promise<SealedKey | undefined> => ITEM[slot].get();

export async function writeSealedKey(slot: KeySlot, sealed: SealedKey | undefined): Promise<void> {
  if (sealed) await ITEM[slot].set(sealed);
  else await ITEM[slot].remove();
}
