import type { Agent as HttpAgent, IncomingHttpHeaders, RequestOptions } from 'node:http';

/**
 * GET-only HTTP access to the API server through client-node's kubeconfig
 * handling (certificates, tokens, exec plugins such as `aws eks get-token`).
 * There is no other verb here: everything built on this transport is read-only.
 */
export interface KubeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface KubeTransport {
  /** The kubeconfig context in use. */
  readonly context: string;
  /** API server URL. */
  readonly server: string;
  get(path: string): Promise<KubeResponse>;
}

export interface KubeConnectOptions {
  /** A kubeconfig file; default: client-node's conventions (KUBECONFIG, ~/.kube/config, in-cluster). */
  readonly kubeconfig?: string;
  /** A context name; default: the kubeconfig's current context. */
  readonly context?: string;
  /** Per-request timeout; default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Attempts for 429, 5xx and network errors; default 5. */
  readonly maxAttempts?: number;
  /** Waits between attempts (injectable for tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The cluster the environment expects, for the "no kubeconfig" advice. */
  readonly expected?: { readonly cluster: string; readonly region: string };
}

/** client-node's last resort when no kubeconfig exists: an unauthenticated localhost:8080 context. */
const NO_KUBECONFIG_SERVER = 'http://localhost:8080';
const NO_KUBECONFIG_CONTEXT = 'loaded-context';

/** What to say when no kubeconfig was found, and how to get one. */
export function noKubeconfigMessage(expected?: KubeConnectOptions['expected']): string {
  const update = expected
    ? `aws eks update-kubeconfig --name ${expected.cluster} --region ${expected.region}`
    : 'aws eks update-kubeconfig --name <cluster> --region <region>';
  return `no kubeconfig found: looked at $KUBECONFIG, ~/.kube/config and the in-cluster service account (/var/run/secrets/kubernetes.io/serviceaccount); write one with \`${update}\`, or pass --kubeconfig FILE`;
}

/** The API server could not be reached or kept failing. */
export class KubeConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeConnectionError';
  }
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Connects through a kubeconfig; heavy client-node is loaded here only. */
export async function connectKube(options: KubeConnectOptions = {}): Promise<KubeTransport> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else {
    kc.loadFromDefault();
    const fallback = kc.getCurrentCluster();
    if (kc.getCurrentContext() === NO_KUBECONFIG_CONTEXT && fallback?.server === NO_KUBECONFIG_SERVER) {
      throw new KubeConnectionError(noKubeconfigMessage(options.expected));
    }
  }
  if (options.context) {
    if (!kc.getContextObject(options.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new KubeConnectionError(
        `context "${options.context}" is not in the kubeconfig; contexts: ${known.join(', ') || '(none)'}`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new KubeConnectionError(
      `the kubeconfig has no cluster for context "${kc.getCurrentContext() || '(none)'}"; pass --kubeconfig or --context`,
    );
  }
  const server = cluster.server.replace(/\/+$/, '');
  const timeout = options.requestTimeoutMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const plainHttp = server.startsWith('http:');
  if (plainHttp && !cluster.skipTLSVerify) {
    // A plain-http server (kubectl proxy) has no TLS to verify, and kubectl accepts it: client-node refuses
    // it unless TLS verification is off, which for http changes nothing but the agent it builds.
    const i = kc.clusters.indexOf(cluster);
    if (i >= 0) kc.clusters[i] = { ...cluster, skipTLSVerify: true };
  }
  const lib = plainHttp ? await import('node:http') : await import('node:https');
  let agent: HttpAgent | undefined;

  async function once(path: string): Promise<KubeResponse> {
    // Applied per request: exec plugins and token files refresh credentials here.
    const opts: RequestOptions = {};
    await kc.applyToHTTPSOptions(opts as never);
    agent ??= opts.agent as HttpAgent | undefined;
    const url = new URL(server + path);
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
    }
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    return new Promise<KubeResponse>((resolve, reject) => {
      const req = lib.request(url, { method: 'GET', headers, agent, timeout }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new KubeConnectionError(`GET ${path} timed out after ${timeout} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  return {
    context: kc.getCurrentContext(),
    server,
    async get(path) {
      let lastError: unknown;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        let res: KubeResponse | undefined;
        try {
          res = await once(path);
        } catch (e) {
          lastError = e;
        }
        if (res && !RETRY_STATUSES.has(res.status)) return res;
        if (attempt === maxAttempts) {
          if (res) return res;
          break;
        }
        await sleep(backoffMs(attempt, res?.headers['retry-after']));
      }
      const why = lastError instanceof Error ? lastError.message : String(lastError);
      throw new KubeConnectionError(`GET ${server}${path} failed after ${maxAttempts} attempts: ${why}`);
    },
  };
}

/** Retry-After (seconds or an HTTP date) when the server sent one, else exponential backoff from 200 ms, capped at 10 s. */
export function backoffMs(attempt: number, retryAfter: string | string[] | undefined): number {
  const value = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  if (value !== undefined && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, Math.min(date - Date.now(), 60_000));
  }
  return Math.min(200 * 2 ** (attempt - 1), 10_000);
}
