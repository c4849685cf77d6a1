/**
 * Pack subscriptions, as uBlock Origin keeps filter lists: a URL per pack, refreshed on a schedule
 * with ETag / If-None-Match, HTTPS only (loopback excepted, for testing and local servers), and the
 * last good version kept whenever an update fails or does not validate.
 *
 * The extension reads a subscription with the host permission for its origin, asked for when a
 * reviewer subscribes: its fetch is then not subject to CORS, so the conditional request (which a
 * page would have to preflight) works with any server. Each fetch has a deadline and a byte limit
 * counted while the body streams in, and subscriptions refresh independently: a server that stalls
 * holds up only its own subscription.
 */
import { browser } from 'wxt/browser';
import { PACK_LIMITS } from '../rules/load';
import type { ImportResult } from './pack-store';
import { type Subscription, storage } from './storage';

export type { Subscription };

export type SubscribeResult = { ok: true; subscription: Subscription } | { ok: false; error: string };

export const REFRESH_ALARM = 'preflight-subscriptions';
export const REFRESH_MINUTES = 60;

export interface FetchLimits {
  /** How long the server may take to answer with its headers. */
  answerMs: number;
  /** How long the body may go without a byte. */
  idleMs: number;
  /** How long the whole fetch may take, however steadily the bytes come. */
  totalMs: number;
  bytes: number;
}
export const FETCH_LIMITS: FetchLimits = {
  answerMs: 15_000,
  idleMs: 15_000,
  totalMs: 120_000,
  bytes: PACK_LIMITS.bytes,
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Why a URL cannot be a subscription, or undefined when it can. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'a subscription URL cannot hold a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return undefined;
  return 'subscriptions must use https:// (http:// only on this computer: localhost, 127.0.0.1)';
}

/** The host permission a subscription needs: its origin, any port (match patterns name no port). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export const readSubscriptions = (): Promise<Subscription[]> => storage.subscriptions.get();

export type Fetched =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; etag?: string }
  | { status: 'failed'; message: string };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Fetch a pack's text: conditional when `etag` is given, within the limits. Never throws and never
 * hangs: a server that does not answer, stops sending or sends too much gives a failure that says so.
 */
export async function fetchPack(url: string, etag: string | undefined, limits = FETCH_LIMITS): Promise<Fetched> {
  const controller = new AbortController();
  let reason: string | undefined;
  const stop = (why: string) => {
    reason ??= why;
    controller.abort();
  };
  const deadline = setTimeout(() => stop(`it took longer than ${seconds(limits.totalMs)}`), limits.totalMs);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const wait = (ms: number, why: string) => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(why), ms);
  };
  try {
    wait(limits.answerMs, `the server did not answer within ${seconds(limits.answerMs)}`);
    const response = await fetch(url, {
      headers: etag ? { 'If-None-Match': etag } : {},
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: controller.signal,
    });
    if (response.status === 304) {
      void response.body?.cancel();
      if (etag) return { status: 'not-modified' };
      return {
        status: 'failed',
        message:
          'the server answered 304 Not Modified to a request without If-None-Match; it must send the pack the first time',
      };
    }
    if (!response.ok) {
      void response.body?.cancel();
      return { status: 'failed', message: `the server answered ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limits.bytes) {
      void response.body?.cancel();
      return { status: 'failed', message: `the pack is ${declared} bytes; the limit is ${limits.bytes}` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    const stalled = `the server stopped sending the pack (nothing for ${seconds(limits.idleMs)})`;
    wait(limits.idleMs, stalled);
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      wait(limits.idleMs, stalled);
      size += chunk.value.byteLength;
      if (size > limits.bytes) {
        stop(`the pack is over ${limits.bytes} bytes, the limit`);
        return { status: 'failed', message: reason! };
      }
      chunks.push(chunk.value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return { status: 'failed', message: 'the pack is not UTF-8 text' };
    }
    return { status: 'ok', text, ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}) };
  } catch (error) {
    return { status: 'failed', message: reason ?? `could not fetch it: ${(error as Error).message}` };
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
  }
}

/** How the background admits what a subscription delivers (the one admission path), and what it holds. */
export interface SubscriptionHost {
  admit(text: string, url: string): Promise<ImportResult>;
  /** Whether the store still holds this subscription's pack (a conditional request needs one). */
  hasPack(subscription: Subscription): Promise<boolean>;
  limits?: FetchLimits;
}

const noPermission = (url: string) =>
  `Preflight may not read ${new URL(url).origin}: the permission was not granted or was taken back; subscribe again to grant it`;

/** Fetch one subscription; on any failure the pack in use stays and the error is recorded. */
export async function refresh(subscription: Subscription, host: SubscriptionHost): Promise<Subscription> {
  const now = new Date().toISOString();
  const failed = (message: string): Subscription => ({
    ...subscription,
    lastChecked: now,
    lastError: { time: now, message },
  });
  const problem = urlProblem(subscription.url);
  if (problem) return failed(problem);
  if (!(await browser.permissions.contains({ origins: [originPattern(subscription.url)] })))
    return failed(noPermission(subscription.url));
  const conditional = subscription.etag && (await host.hasPack(subscription)) ? subscription.etag : undefined;
  const fetched = await fetchPack(subscription.url, conditional, host.limits);
  if (fetched.status === 'failed') return failed(fetched.message);
  if (fetched.status === 'not-modified') {
    const { lastError: _cleared, ...kept } = subscription;
    return { ...kept, lastChecked: now };
  }
  const result = await host.admit(fetched.text, subscription.url);
  if (!result.ok) return failed(result.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; '));
  return {
    url: subscription.url,
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    packId: result.stored.pack.id,
    version: result.stored.pack.version,
    lastChecked: now,
  };
}

/** Writes to the list one after another; each refresh saves its own result when it ends. */
let writes: Promise<unknown> = Promise.resolve();
function update(change: (list: Subscription[]) => Subscription[]): Promise<Subscription[]> {
  const run = writes.then(async () => {
    const next = change(await readSubscriptions());
    await storage.subscriptions.set(next);
    return next;
  });
  writes = run.catch(() => undefined);
  return run;
}

/** One refresh per URL at a time (the hourly alarm and "Check now" may meet). */
const running = new Map<string, Promise<Subscription>>();
function refreshOne(subscription: Subscription, host: SubscriptionHost): Promise<Subscription> {
  const already = running.get(subscription.url);
  if (already) return already;
  const run = refresh(subscription, host)
    .then(async (updated) => {
      // Saved only while still subscribed: an unsubscribe during the fetch stands.
      await update((list) => list.map((s) => (s.url === updated.url ? updated : s)));
      return updated;
    })
    .finally(() => running.delete(subscription.url));
  running.set(subscription.url, run);
  return run;
}

export async function subscribe(url: string, host: SubscriptionHost): Promise<SubscribeResult> {
  const problem = urlProblem(url);
  if (problem) return { ok: false, error: problem };
  if (!(await browser.permissions.contains({ origins: [originPattern(url)] })))
    return { ok: false, error: noPermission(url) };
  await update((list) => (list.some((s) => s.url === url) ? list : [...list, { url }]));
  const existing = (await readSubscriptions()).find((s) => s.url === url) ?? { url };
  return { ok: true, subscription: await refreshOne(existing, host) };
}

/** Refresh every subscription at once; each one's result is saved as soon as it is known. */
export async function refreshAll(host: SubscriptionHost): Promise<Subscription[]> {
  return Promise.all((await readSubscriptions()).map((subscription) => refreshOne(subscription, host)));
}

export async function unsubscribe(url: string): Promise<void> {
  await update((list) => list.filter((s) => s.url !== url));
}
