/**
 * Pack subscriptions, as uBlock Origin keeps filter lists: a URL per pack, refreshed on a schedule
 * with ETag / If-None-Match, HTTPS only (loopback excepted, for testing and local servers), a size
 * limit, and the last good version kept whenever an update fails or does not validate.
 */
import { browser } from 'wxt/browser';
import { PACK_LIMITS, packSizeProblem } from '../rules/load';
import type { Pack } from '../rules/schema';
import { STORAGE_KEYS } from './messages';
import { importPack } from './pack-store';

export interface Subscription {
  url: string;
  etag?: string;
  /** The pack it delivered last (its id and version), once one validated. */
  packId?: string;
  version?: string;
  lastChecked?: string;
  /** The last failure, kept until an update succeeds. */
  lastError?: { time: string; message: string };
}

export const REFRESH_ALARM = 'preflight-subscriptions';
export const REFRESH_MINUTES = 60;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Why a URL cannot be a subscription, or undefined when it can. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return undefined;
  return 'subscriptions must use https:// (http:// only on this computer: localhost, 127.0.0.1)';
}

export async function readSubscriptions(): Promise<Subscription[]> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.subscriptions);
  return (stored[STORAGE_KEYS.subscriptions] ?? []) as Subscription[];
}

async function save(subscriptions: Subscription[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.subscriptions]: subscriptions });
}

/** Fetch one subscription; on any failure the pack in use stays and the error is recorded. */
export async function refresh(subscription: Subscription, builtIn: readonly Pack[]): Promise<Subscription> {
  const now = new Date().toISOString();
  const failed = (message: string): Subscription => ({
    ...subscription,
    lastChecked: now,
    lastError: { time: now, message },
  });
  const problem = urlProblem(subscription.url);
  if (problem) return failed(problem);
  let response: Response;
  try {
    response = await fetch(subscription.url, {
      headers: subscription.etag ? { 'If-None-Match': subscription.etag } : {},
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (error) {
    return failed(`could not fetch it: ${(error as Error).message}`);
  }
  if (response.status === 304) return { ...subscription, lastChecked: now, lastError: undefined };
  if (!response.ok) return failed(`the server answered ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > PACK_LIMITS.bytes) return failed(`the pack is ${length} bytes; the limit is ${PACK_LIMITS.bytes}`);
  const text = await response.text();
  const tooLarge = packSizeProblem(text);
  if (tooLarge) return failed(tooLarge);
  const result = await importPack(text, subscription.url, 'subscription', builtIn);
  if (!result.ok) return failed(result.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; '));
  return {
    url: subscription.url,
    etag: response.headers.get('etag') ?? undefined,
    packId: result.stored.pack.id,
    version: result.stored.pack.version,
    lastChecked: now,
  };
}

export async function subscribe(url: string, builtIn: readonly Pack[]): Promise<Subscription> {
  const subscriptions = await readSubscriptions();
  const existing = subscriptions.find((s) => s.url === url);
  const updated = await refresh(existing ?? { url }, builtIn);
  await save(existing ? subscriptions.map((s) => (s === existing ? updated : s)) : [...subscriptions, updated]);
  return updated;
}

export async function refreshAll(builtIn: readonly Pack[]): Promise<Subscription[]> {
  const updated: Subscription[] = [];
  for (const subscription of await readSubscriptions()) updated.push(await refresh(subscription, builtIn));
  await save(updated);
  return updated;
}

export async function unsubscribe(url: string): Promise<void> {
  await save((await readSubscriptions()).filter((s) => s.url !== url));
}
