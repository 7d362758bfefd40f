/** A non-success answer from the API server, with what the Status object said. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** Reads a Kubernetes Status body, falling back to the raw text. */
export function apiError(status: number, path: string, body: string, method = 'GET'): KubeApiError {
  let reason = '';
  let message = body.slice(0, 300);
  try {
    const s = JSON.parse(body) as { reason?: string; message?: string };
    reason = s.reason ?? '';
    message = s.message ?? message;
  } catch {
    // not a Status object
  }
  return new KubeApiError(status, reason, path, `${method} ${path}: ${status} ${reason} ${message}`.trim());
}

/** The JSON of an answer; a body that is not JSON is a KubeApiError naming the path. */
export function parseBody(body: string, path: string): unknown {
  try {
    return JSON.parse(body);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new KubeApiError(
      200,
      'InvalidBody',
      path,
      `GET ${path}: the API server answered with a body that is not JSON (${why})`,
    );
  }
}
