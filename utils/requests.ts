/**
 * What the options page asks the background, which alone changes packs, keys and subscriptions:
 * typed requests (checked again when they arrive) and the reply each gets. Only the extension's own
 * pages may send them; a content script's request is refused.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ImportResult } from './pack-store';
import { Key } from './policy';
import type { SubscribeResult, Subscription } from './subscriptions';
import type { TeamStateRecord } from './team-state';

export const AdminRequest = z.discriminatedUnion('type', [
  /** A pack file's text, as the person chose it: the background admits it like any other pack. */
  z.object({ type: z.literal('preflight:import-pack'), text: z.string(), name: z.string().min(1).max(255) }),
  z.object({ type: z.literal('preflight:remove-pack'), id: z.string().min(1) }),
  /** The options page's trusted keys; every stored pack is verified again against the keys in force. */
  z.object({ type: z.literal('preflight:set-trusted-keys'), keys: z.array(Key).max(100) }),
  z.object({ type: z.literal('preflight:subscribe'), url: z.string().min(1).max(2048) }),
  z.object({ type: z.literal('preflight:unsubscribe'), url: z.string().min(1) }),
  z.object({ type: z.literal('preflight:refresh-subscriptions') }),
  /** The team state's subscription: one URL, fetched every minute (utils/team-state.ts). */
  z.object({ type: z.literal('preflight:subscribe-team-state'), url: z.string().min(1).max(2048) }),
  z.object({ type: z.literal('preflight:unsubscribe-team-state') }),
  z.object({ type: z.literal('preflight:refresh-team-state') }),
]);
export type AdminRequest = z.infer<typeof AdminRequest>;

export interface AdminReplies {
  'preflight:import-pack': ImportResult;
  'preflight:remove-pack': { ok: true };
  'preflight:set-trusted-keys': { ok: true };
  'preflight:subscribe': SubscribeResult;
  'preflight:unsubscribe': { ok: true };
  'preflight:refresh-subscriptions': Subscription[];
  'preflight:subscribe-team-state': { ok: true; record: TeamStateRecord } | { ok: false; error: string };
  'preflight:unsubscribe-team-state': TeamStateRecord;
  'preflight:refresh-team-state': TeamStateRecord;
}

/** Send a request to the background and get its typed reply. */
export function ask<R extends AdminRequest>(request: R): Promise<AdminReplies[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<AdminReplies[R['type']]>;
}
