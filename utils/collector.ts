/**
 * Sending the gate's decisions to a collector an admin names in policy (a Splunk HTTP Event
 * Collector, an Elasticsearch ingest URL, a chat webhook): batched, retried with backoff, queued
 * while offline. Entries hold rule ids and a hash, never draft text.
 */
import type { AuditQueue } from './storage';
import { urlProblem } from './subscriptions';

export const BATCH = 100;
export const RETRY_ALARM = 'preflight-audit-retry';

export type Queue = AuditQueue;

export type Post = (url: string, body: string) => Promise<{ ok: boolean; status: number }>;

export const retryDelayMinutes = (attempts: number) => Math.min(60, 2 ** attempts);

/** Send what is queued, a batch at a time; what could not be sent stays queued. */
export async function flushQueue(url: string, queue: Queue, post: Post): Promise<Queue> {
  if (urlProblem(url)) return queue;
  let entries = queue.entries;
  while (entries.length > 0) {
    const batch = entries.slice(0, BATCH);
    try {
      const response = await post(url, JSON.stringify(batch));
      if (!response.ok) return { entries, attempts: queue.attempts + 1 };
    } catch {
      return { entries, attempts: queue.attempts + 1 };
    }
    entries = entries.slice(batch.length);
  }
  return { entries: [], attempts: 0 };
}

export const postJson: Post = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    credentials: 'omit',
  });
  return { ok: response.ok, status: response.status };
};
