/**
 * A pack server on loopback for the browser tests: a real node:http server, reached by the
 * extension over the real network stack (no request routing or interception), set up as the README
 * tells admins (Access-Control-Allow-Origin, Access-Control-Expose-Headers: ETag, ETag and 304).
 * Each path has a behaviour the test can change: serve a pack, stall, never end the body, 304 always.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'pack'; body: string; etag: string }
  | { kind: 'stall' }
  | { kind: 'never-ends' }
  | { kind: 'not-modified' };

export interface PackServer {
  base: string;
  /** Every request: its method, path and If-None-Match. */
  requests: { method: string; path: string; ifNoneMatch?: string }[];
  set(path: string, behaviour: Behaviour): void;
  close(): Promise<void>;
}

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' };

export async function startPackServer(): Promise<PackServer> {
  const behaviours = new Map<string, Behaviour>();
  const requests: PackServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push({ method: request.method ?? '', path, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    open.add(response);
    response.on('close', () => open.delete(response));
    const behaviour = behaviours.get(path);
    if (!behaviour) return response.writeHead(404, CORS).end();
    switch (behaviour.kind) {
      case 'stall':
        return; // never answers
      case 'never-ends':
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
        response.write('{"id": "never-ends", ');
        return; // and nothing more, ever
      case 'not-modified':
        return response.writeHead(304, { ...CORS, ETag: '"v0"' }).end();
      case 'pack': {
        const headers = { ...CORS, ETag: behaviour.etag };
        if (ifNoneMatch === behaviour.etag) return response.writeHead(304, headers).end();
        return response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(behaviour.body);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    set: (path, behaviour) => behaviours.set(path, behaviour),
    async close() {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A small pack with one `block` term rule, as JSON. */
export function termsPack(id: string, version: string, terms: string[], extra: Record<string, unknown> = {}) {
  return {
    id,
    name: `Pack ${id}`,
    version,
    locales: ['en'],
    sets: [{ id: 'secrets', title: 'Secrets' }],
    manual: [{ id: 'codenames', title: 'Codenames', body: 'Keep them inside.' }],
    rules: [
      {
        id: `${id}.codename`,
        set: 'secrets',
        kind: 'terms',
        category: 'privacy',
        severity: 'block',
        manual: 'codenames',
        message: '{match}',
        terms,
      },
    ],
    ...extra,
  };
}
