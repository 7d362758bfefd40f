import type { Agent as HttpAgent, IncomingHttpHeaders } from 'node:http';

/** How long and how large one API request may get. */
export interface RequestLimits {
  /** Until the connection is open; default 10 s. */
  readonly connectTimeoutMs: number;
  /** Until the response headers arrive; default 30 s. */
  readonly firstByteTimeoutMs: number;
  /** For the whole request, body included (a body that trickles in is cut off); default 120 s. */
  readonly totalTimeoutMs: number;
  /** Largest response body accepted; default 256 MiB. */
  readonly maxResponseBytes: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  connectTimeoutMs: 10_000,
  firstByteTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
  maxResponseBytes: 256 * 1024 * 1024,
};

export interface BoundedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A request that broke a limit or failed on the network; `retryable` says whether another attempt may help. */
export class RequestFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

export interface BoundedRequestOptions extends BoundedGetOptions {
  /** GET for every reader; PATCH only through the writer (src/kube/writer.ts). */
  readonly method: 'GET' | 'PATCH';
  /** The request body (PATCH). */
  readonly body?: string;
}

export interface BoundedGetOptions {
  readonly url: URL;
  /** The path as it may be printed (no credentials). */
  readonly shown: string;
  readonly headers: Record<string, string>;
  readonly agent?: HttpAgent;
  readonly limits: RequestLimits;
  readonly request: typeof import('node:http').request;
}

/**
 * One GET with every phase bounded: connecting, waiting for the first byte,
 * and receiving the whole body; a body over the size limit is refused while
 * it streams in (its size in Content-Length is refused before reading).
 */
export function boundedGet(o: BoundedGetOptions): Promise<BoundedResponse> {
  return boundedRequest({ ...o, method: 'GET' });
}

/** boundedGet for any verb: the same bounds on connecting, the first byte, the whole answer and its size. */
export function boundedRequest(o: BoundedRequestOptions): Promise<BoundedResponse> {
  const { limits, method } = o;
  const shown = `${method} ${o.shown}`;
  return new Promise<BoundedResponse>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (err: Error | undefined, value?: BoundedResponse) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value as BoundedResponse);
    };
    const after = (ms: number, what: string) => {
      const t = setTimeout(() => finish(new RequestFailure(`${shown}: ${what} within ${ms} ms`, true)), ms);
      timers.push(t);
      return t;
    };
    const req = o.request(o.url, { method, headers: o.headers, agent: o.agent }, (res) => {
      clearTimeout(firstByte);
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
        finish(tooLarge(shown, declared, limits.maxResponseBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxResponseBytes) finish(tooLarge(shown, size, limits.maxResponseBytes));
        else chunks.push(c);
      });
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (e) => finish(new RequestFailure(`${shown}: ${e.message}`, true)));
    });
    const connect = after(limits.connectTimeoutMs, 'no connection was made');
    const firstByte = after(limits.firstByteTimeoutMs, 'no response came');
    after(limits.totalTimeoutMs, 'the response did not complete');
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      else socket.once('connect', () => clearTimeout(connect));
    });
    req.on('error', (e) =>
      finish(e instanceof RequestFailure ? e : new RequestFailure(`${shown}: ${e.message}`, true)),
    );
    req.end(o.body);
  });
}

function tooLarge(shown: string, size: number, max: number): RequestFailure {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return new RequestFailure(
    `${shown}: the response is larger than the ${mib(max)} allowed (${mib(size)} so far); ` +
      'use a smaller page (--page-size) or raise the limit (--max-response-mib)',
    false,
  );
}
