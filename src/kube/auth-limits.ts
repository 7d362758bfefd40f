/** Limits on gathering credentials for a kubeconfig user (kept free of client-node types for the library's declarations). */
export interface AuthLimits {
  /** Longest an exec credential plugin (such as `aws eks get-token`) may run; default 30 s. */
  readonly execTimeoutMs: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = { execTimeoutMs: 30_000 };
