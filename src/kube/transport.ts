import type { Agent as HttpAgent, IncomingHttpHeaders, RequestOptions } from 'node:http';
import { redactUrls } from '../util/redact-url.js';
import { type AuthLimits, DEFAULT_AUTH_LIMITS } from './auth-limits.js';
import { boundedRequest, DEFAULT_REQUEST_LIMITS, RequestFailure, type RequestLimits } from './bounded-get.js';
import { boundExecPlugins, readTokenFile, tokenFilesOf, withExecDeadline } from './kubeconfig-auth.js';

/**
 * HTTP access to the API server through client-node's kubeconfig handling
 * (certificates, tokens, exec plugins such as `aws eks get-token`).
 * connectKube gives GET only: everything built on it is read-only. The one
 * other verb, PATCH, exists on openKubeSession, which only the writer
 * (src/kube/writer.ts) opens. Every request is bounded (connect, first byte,
 * whole body, size), and so are retries and Retry-After waits.
 */
export interface KubeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface KubeTransport {
  /** The kubeconfig context in use. */
  readonly context: string;
  /** API server URL, with any credentials written into it redacted (safe to print). */
  readonly server: string;
  get(path: string, options?: GetOptions): Promise<KubeResponse>;
}

/**
 * The transport with a second verb: PATCH. Only src/kube/writer.ts opens one
 * (openKubeSession); every reader gets the GET-only KubeTransport of connectKube.
 */
export interface KubeWriteTransport extends KubeTransport {
  patch(path: string, body: string, contentType: string): Promise<KubeResponse>;
}

export interface GetOptions {
  /** The Accept header; default application/json (pod logs are text). */
  readonly accept?: string;
}

/** Every limit of the live Kubernetes reader; see docs/verify.md, "Limits". */
export interface KubeLimits extends RequestLimits, AuthLimits {
  /** Attempts for 429, 5xx and network errors; default 5. */
  readonly maxAttempts: number;
  /** Longest Retry-After honoured; a server asking for more ends the attempts; default 30 s. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_KUBE_LIMITS: KubeLimits = {
  ...DEFAULT_REQUEST_LIMITS,
  ...DEFAULT_AUTH_LIMITS,
  maxAttempts: 5,
  maxRetryAfterMs: 30_000,
};

export interface KubeConnectOptions {
  /** A kubeconfig file; default: client-node's conventions (KUBECONFIG, ~/.kube/config, in-cluster). */
  readonly kubeconfig?: string;
  /** A context name; default: the kubeconfig's current context. */
  readonly context?: string;
  /** Time to wait for the response headers (the first byte); default 30 s. Same as limits.firstByteTimeoutMs. */
  readonly requestTimeoutMs?: number;
  /** Attempts for 429, 5xx and network errors; default 5. Same as limits.maxAttempts. */
  readonly maxAttempts?: number;
  /** Any of the limits; the rest keep DEFAULT_KUBE_LIMITS. */
  readonly limits?: Partial<KubeLimits>;
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
    super(redactUrls(message));
    this.name = 'KubeConnectionError';
  }
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The limits in effect: defaults, then `limits`, then the two older single options. */
export function kubeLimits(options: KubeConnectOptions = {}): KubeLimits {
  return {
    ...DEFAULT_KUBE_LIMITS,
    ...options.limits,
    ...(options.requestTimeoutMs !== undefined ? { firstByteTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
}

/** Connects through a kubeconfig, GET only; heavy client-node is loaded here only. */
export async function connectKube(options: KubeConnectOptions = {}): Promise<KubeTransport> {
  const { context, server, get } = await openKubeSession(options);
  return { context, server, get };
}

interface Sent {
  readonly method: 'GET' | 'PATCH';
  readonly accept: string;
  readonly body?: string;
  readonly contentType?: string;
}

/** The connection behind connectKube, able to PATCH as well; for src/kube/writer.ts only. */
export async function openKubeSession(options: KubeConnectOptions = {}): Promise<KubeWriteTransport> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const limits = kubeLimits(options);
  const kc = new KubeConfig();
  // client-node drops kubectl's `tokenFile:`; note it from the text client-node reads first.
  let tokenFiles = new Map<string, string>();
  let loading: string | undefined;
  const loadFile = kc.loadFromFile.bind(kc);
  const loadString = kc.loadFromString.bind(kc);
  kc.loadFromFile = (file, opts) => {
    loading ??= file;
    loadFile(file, opts);
  };
  kc.loadFromString = (text, opts) => {
    if (tokenFiles.size === 0) tokenFiles = tokenFilesOf(text, loading);
    loadString(text, opts);
  };
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else {
    kc.loadFromDefault();
    const fallback = kc.getCurrentCluster();
    if (kc.getCurrentContext() === NO_KUBECONFIG_CONTEXT && fallback?.server === NO_KUBECONFIG_SERVER) {
      throw new KubeConnectionError(noKubeconfigMessage(options.expected));
    }
  }
  boundExecPlugins(kc, limits);
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
  const shownServer = redactUrls(server);
  const user = kc.getCurrentUser();
  const tokenFile = user && !user.token && !user.exec && !user.authProvider ? tokenFiles.get(user.name) : undefined;
  const execCommand = user?.exec ? String((user.exec as { command?: unknown }).command ?? 'exec plugin') : undefined;
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

  async function once(path: string, sent: Sent): Promise<KubeResponse> {
    // Applied per request: exec plugins and token files refresh credentials here.
    const opts: RequestOptions = {};
    const applying = kc.applyToHTTPSOptions(opts as never);
    try {
      await (execCommand ? withExecDeadline(applying, limits, execCommand) : applying);
    } catch (e) {
      // Credentials and TLS settings do not change between attempts: no retry.
      throw new RequestFailure(e instanceof Error ? e.message : String(e), false);
    }
    agent ??= opts.agent as HttpAgent | undefined;
    const headers: Record<string, string> = { Accept: sent.accept };
    if (sent.contentType) headers['Content-Type'] = sent.contentType;
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
    }
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    if (tokenFile && !headers.Authorization) {
      try {
        headers.Authorization = `Bearer ${readTokenFile(tokenFile)}`;
      } catch (e) {
        throw new RequestFailure((e as Error).message, false);
      }
    }
    return boundedRequest({
      url: new URL(server + path),
      shown: path,
      method: sent.method,
      body: sent.body,
      headers,
      agent,
      limits,
      request: lib.request,
    });
  }

  async function send(path: string, sent: Sent): Promise<KubeResponse> {
    let lastError = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= limits.maxAttempts; attempt++) {
      attempts = attempt;
      let res: KubeResponse | undefined;
      try {
        res = await once(path, sent);
      } catch (e) {
        if (e instanceof RequestFailure && !e.retryable) throw new KubeConnectionError(e.message);
        lastError = e instanceof Error ? e.message : String(e);
      }
      if (res && !RETRY_STATUSES.has(res.status)) return res;
      if (attempt === limits.maxAttempts) {
        if (res) return res;
        break;
      }
      const asked = retryAfterMs(res?.headers['retry-after']);
      if (asked !== undefined && asked > limits.maxRetryAfterMs) {
        throw new KubeConnectionError(
          `${sent.method} ${shownServer}${path}: the API server answered ${res?.status} and asked to retry after ` +
            `${Math.round(asked / 1000)} s, longer than the ${Math.round(limits.maxRetryAfterMs / 1000)} s allowed; gave up`,
        );
      }
      await sleep(asked ?? backoffMs(attempt, undefined));
    }
    throw new KubeConnectionError(
      `${sent.method} ${shownServer}${path} failed after ${attempts} attempt(s): ${lastError}`,
    );
  }

  return {
    context: kc.getCurrentContext(),
    server: shownServer,
    get: (path, getOptions) => send(path, { method: 'GET', accept: getOptions?.accept ?? 'application/json' }),
    patch: (path, body, contentType) => send(path, { method: 'PATCH', accept: 'application/json', body, contentType }),
  };
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(retryAfter: string | string[] | undefined): number | undefined {
  const value = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Retry-After when the server sent one (capped at 60 s), else exponential backoff from 200 ms, capped at 10 s. */
export function backoffMs(attempt: number, retryAfter: string | string[] | undefined): number {
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined) return Math.min(asked, 60_000);
  return Math.min(200 * 2 ** (attempt - 1), 10_000);
}
