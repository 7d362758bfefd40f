import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldOf, kubeconfigYaml, mergePatch, parseFieldSelector } from './fake-kube-helpers.js';
import { BUILTIN_RESOURCES } from './fake-kube-resources.js';
import {
  countOf,
  FAKE_SERVER_VERSION,
  type FakeFault,
  type FakeKubeOptions,
  type FakeKubeServer,
  type LoggedRequest,
  objectAt,
} from './fake-kube-types.js';

export { kubeconfigYaml } from './fake-kube-helpers.js';
export { BUILTIN_RESOURCES, CRD_RESOURCES, type FakeResource, METRICS_RESOURCES } from './fake-kube-resources.js';
export {
  FAKE_SERVER_VERSION,
  type FakeFault,
  type FakeKubeOptions,
  type FakeKubeServer,
  type FakeObjects,
  type FakePodLog,
  type LoggedRequest,
} from './fake-kube-types.js';

/**
 * A loopback fake Kubernetes API server for tests: discovery, lists with
 * limit/continue, single GETs, 403 per kind, 410 on a continue token, 429 with
 * Retry-After, slow answers, token auth and a request log, and faults per kind
 * (a repeated continue token, a body that trickles in, an answer that never
 * comes, an oversized page, a body that is not JSON). Objects can be given
 * as arrays or generated lazily per page (for the scale benchmark). Lists
 * honour `fieldSelector` (`a.b=c`, comma-separated); pod logs (current and
 * previous, tailLines, limitBytes) come from `logs`; metrics.k8s.io is served
 * when METRICS_RESOURCES are among the resources; GET /version answers
 * `serverVersion`. PATCH of one object
 * (merge or strategic merge, applied as a JSON merge) changes what later GETs
 * answer, and the log keeps each PATCH body; every other verb is refused.
 */

interface Token {
  kind: string;
  ns: string;
  offset: number;
}

export async function startFakeKubeServer(options: FakeKubeOptions = {}): Promise<FakeKubeServer> {
  const resources = options.resources ?? BUILTIN_RESOURCES;
  const token = options.token ?? 'test-token';
  const maxLimit = options.maxLimit ?? 500;
  const expire = new Set(options.expireContinueOnce ?? []);
  const throttled = new Map(Object.entries(options.throttle ?? {}).map(([k, v]) => [k, { ...v }]));
  const log: LoggedRequest[] = [];

  const groups = new Map<string, string[]>();
  for (const res of resources) {
    const versions = groups.get(res.group) ?? [];
    if (!versions.includes(res.version)) versions.push(res.version);
    groups.set(res.group, versions);
  }

  function nsOf(o: Record<string, unknown>): string | undefined {
    return (o.metadata as { namespace?: string } | undefined)?.namespace;
  }

  /** Items of a page, scanning lazily so generated kinds never exist all at once. */
  function page(
    kind: string,
    ns: string,
    offset: number,
    limit: number,
    selector: readonly [string[], string][] = [],
  ): { items: unknown[]; next?: number } {
    const objs = options.objects?.[kind] ?? [];
    const total = countOf(objs);
    const items: unknown[] = [];
    let i = offset;
    for (; i < total && items.length < limit; i++) {
      const found = objectAt(objs, i);
      const o = patched.get(keyOf(kind, found)) ?? found;
      if (ns && nsOf(o) !== ns) continue;
      if (!selector.every(([path, value]) => fieldOf(o, path) === value)) continue;
      const { apiVersion: _a, kind: _k, ...rest } = o;
      items.push(rest);
    }
    return { items, next: i < total ? i : undefined };
  }

  function podLog(res: ServerResponse, ns: string, pod: string, query: URLSearchParams): number {
    const objs = options.objects?.Pod ?? [];
    let found: Record<string, unknown> | undefined;
    for (let i = 0; i < countOf(objs) && !found; i++) {
      const o = objectAt(objs, i);
      const m = o.metadata as { name: string; namespace?: string };
      if (m.name === pod && m.namespace === ns) found = o;
    }
    if (!found) {
      send(res, 404, status(404, 'NotFound', `pods "${pod}" not found`));
      return 404;
    }
    const names = ((found.spec as { containers?: { name: string }[] })?.containers ?? []).map((c) => c.name);
    const container = query.get('container') ?? (names.length === 1 ? names[0] : undefined);
    if (!container) {
      const msg = `a container name must be specified for pod ${pod}, choose one of: [${names.join(' ')}]`;
      send(res, 400, status(400, 'BadRequest', msg));
      return 400;
    }
    if (!names.includes(container)) {
      send(res, 400, status(400, 'BadRequest', `container ${container} is not valid for pod ${pod}`));
      return 400;
    }
    const log = options.logs?.[`${ns}/${pod}/${container}`] ?? {};
    const previous = query.get('previous') === 'true';
    let text = previous ? log.previous : (log.current ?? '');
    if (text === undefined) {
      const msg = `previous terminated container "${container}" in pod "${pod}" not found`;
      send(res, 400, status(400, 'BadRequest', msg));
      return 400;
    }
    const tail = Number(query.get('tailLines') ?? Number.NaN);
    if (Number.isInteger(tail)) {
      const lines = text.split('\n');
      if (lines.at(-1) === '') lines.pop();
      text = lines.slice(Math.max(0, lines.length - tail)).join('\n') + (lines.length ? '\n' : '');
    }
    const limitBytes = Number(query.get('limitBytes') ?? Number.NaN);
    let body = Buffer.from(text);
    if (Number.isInteger(limitBytes)) body = body.subarray(0, limitBytes);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(body);
    return 200;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
  function status(code: number, reason: string, message: string): unknown {
    return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message };
  }

  /** Objects as patched, by `<kind>/<namespace>/<name>`. */
  const patched = new Map<string, Record<string, unknown>>();
  const keyOf = (kind: string, o: Record<string, unknown>) => {
    const m = o.metadata as { name: string; namespace?: string };
    return `${kind}/${m.namespace ?? ''}/${m.name}`;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<number> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' && req.method !== 'PATCH') {
      send(res, 405, status(405, 'MethodNotAllowed', `${req.method} is not allowed`));
      return 405;
    }
    if (options.requireAuth !== false && req.headers.authorization !== `Bearer ${token}`) {
      send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
      return 401;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/version') {
      const git = options.serverVersion ?? FAKE_SERVER_VERSION;
      if (git === 'forbidden') {
        send(res, 403, status(403, 'Forbidden', 'forbidden: User "verifier" cannot get path "/version"'));
        return 403;
      }
      const m = /^v?(\d+)\.(\d+)/.exec(git);
      send(res, 200, { major: m?.[1] ?? '', minor: `${m?.[2] ?? ''}+`, gitVersion: git, platform: 'linux/amd64' });
      return 200;
    }
    if (url.pathname === '/api') {
      send(res, 200, { kind: 'APIVersions', versions: groups.get('') ?? [] });
      return 200;
    }
    if (url.pathname === '/apis') {
      const list = [...groups.entries()]
        .filter(([g]) => g !== '')
        .map(([name, versions]) => ({
          name,
          versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
          preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
        }));
      send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: list });
      return 200;
    }
    // /api/v1/... or /apis/<g>/<v>/...
    const core = parts[0] === 'api';
    const group = core ? '' : parts[1];
    const version = core ? parts[1] : parts[2];
    const rest = parts.slice(core ? 2 : 3);
    const served = resources.filter((x) => x.group === group && x.version === version);
    if (served.length === 0) {
      send(res, 404, status(404, 'NotFound', `the server could not find the requested resource ${url.pathname}`));
      return 404;
    }
    if (rest.length === 0) {
      send(res, 200, {
        kind: 'APIResourceList',
        groupVersion: group ? `${group}/${version}` : version,
        resources: served.map((x) => ({
          name: x.plural,
          kind: x.kind,
          namespaced: x.namespaced,
          verbs: ['get', 'list'],
        })),
      });
      return 200;
    }
    let ns = '';
    let tail = rest;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      ns = rest[1];
      tail = rest.slice(2);
    }
    const resource = served.find((x) => x.plural === tail[0]);
    if (!resource) {
      send(res, 404, status(404, 'NotFound', `unknown resource ${tail[0]}`));
      return 404;
    }
    const kind = resource.kind;
    const delay = options.slowMs?.[kind];
    if (delay) await new Promise((done) => setTimeout(done, delay));
    if (options.forbidden?.includes(kind)) {
      const scope = ns ? `in the namespace "${ns}"` : 'at the cluster scope';
      const gr = group ? `${resource.plural}.${group}` : resource.plural;
      const msg = `${gr} is forbidden: User "verifier" cannot list resource "${resource.plural}" in API group "${group}" ${scope}`;
      send(res, 403, status(403, 'Forbidden', msg));
      return 403;
    }
    const throttle = throttled.get(kind);
    if (throttle && throttle.times > 0) {
      throttle.times--;
      send(res, 429, status(429, 'TooManyRequests', 'slow down'), { 'retry-after': throttle.retryAfter });
      return 429;
    }
    const apiVersion = group ? `${group}/${version}` : version;
    const fault = options.faults?.[kind];
    if (fault && tail.length === 1) return faulty(res, fault, kind, apiVersion);
    if (tail.length === 3 && kind === 'Pod' && tail[2] === 'log') return podLog(res, ns, tail[1], url.searchParams);
    if (tail.length > 3 || (tail.length === 3 && tail[2] !== 'log')) {
      send(res, 404, status(404, 'NotFound', `unknown subresource ${tail.slice(2).join('/')}`));
      return 404;
    }
    if (req.method === 'PATCH' && tail.length !== 2) {
      send(res, 405, status(405, 'MethodNotAllowed', 'PATCH applies to one object'));
      return 405;
    }
    if (tail.length === 2) {
      const objs = options.objects?.[kind] ?? [];
      for (let i = 0; i < countOf(objs); i++) {
        const o = objectAt(objs, i);
        const m = o.metadata as { name: string; namespace?: string };
        if (m.name === tail[1] && (!resource.namespaced || m.namespace === ns)) {
          const current = patched.get(keyOf(kind, o)) ?? o;
          if (req.method === 'PATCH') {
            const next = mergePatch(current, JSON.parse(body)) as Record<string, unknown>;
            patched.set(keyOf(kind, o), next);
            send(res, 200, { apiVersion, kind, ...next });
            return 200;
          }
          send(res, 200, { apiVersion, kind, ...current });
          return 200;
        }
      }
      send(res, 404, status(404, 'NotFound', `${resource.plural} "${tail[1]}" not found`));
      return 404;
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? maxLimit) || maxLimit, maxLimit);
    let offset = 0;
    const cont = url.searchParams.get('continue');
    if (cont) {
      const t = JSON.parse(Buffer.from(cont, 'base64url').toString()) as Token;
      if (expire.has(kind)) {
        expire.delete(kind);
        send(res, 410, status(410, 'Expired', 'The provided continue parameter is too old'));
        return 410;
      }
      offset = t.offset;
    }
    const p = page(kind, ns, offset, limit, parseFieldSelector(url.searchParams.get('fieldSelector')));
    const metadata: Record<string, unknown> = { resourceVersion: '1000' };
    if (p.next !== undefined) {
      metadata.continue = Buffer.from(JSON.stringify({ kind, ns, offset: p.next } satisfies Token)).toString(
        'base64url',
      );
    }
    send(res, 200, { kind: `${kind}List`, apiVersion, metadata, items: p.items });
    return 200;
  }

  function faulty(res: ServerResponse, fault: FakeFault, kind: string, apiVersion: string): Promise<number> | number {
    if (fault === 'hang') return new Promise<number>(() => {});
    if (fault === 'unavailable') {
      send(res, 503, status(503, 'ServiceUnavailable', 'the server is currently unable to handle the request'));
      return 503;
    }
    if (fault === 'invalid-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>502 Bad Gateway from a proxy</html>');
      return 200;
    }
    if (fault === 'repeat-continue') {
      const metadata = { resourceVersion: '1000', continue: 'c2FtZS10b2tlbg' };
      send(res, 200, { kind: `${kind}List`, apiVersion, metadata, items: page(kind, '', 0, 1).items });
      return 200;
    }
    if (fault === 'oversized') {
      const filler = 'x'.repeat(1024);
      const count = Math.ceil((options.oversizedBytes ?? 4 * 1024 * 1024) / 1024);
      const items = Array.from({ length: count }, (_, i) => ({
        metadata: { name: `big-${i}`, namespace: 'a' },
        filler,
      }));
      send(res, 200, { kind: `${kind}List`, apiVersion, metadata: {}, items });
      return 200;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
    return 200;
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const sent = req.method === 'PATCH' ? { body, contentType: req.headers['content-type'] } : {};
    handle(req, res, body).then(
      (code) =>
        log.push({
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          status: code,
          ...sent,
        }),
      (e: unknown) => {
        log.push({ method: req.method ?? '', path: url.pathname, query: {}, status: 500 });
        send(res, 500, status(500, 'InternalError', String(e)));
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'slipway-kube-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfigPath, kubeconfigYaml(url, token));
  return {
    url,
    log,
    kubeconfigPath,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
