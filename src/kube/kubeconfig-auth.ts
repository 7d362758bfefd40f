import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';

/** The credential gathering client-node does, bounded and with kubectl's `tokenFile:` honoured. */
import type { AuthLimits } from './auth-limits.js';

export { type AuthLimits, DEFAULT_AUTH_LIMITS } from './auth-limits.js';

/**
 * kubectl's `users[].user.tokenFile` per user name, read from the kubeconfig
 * text (client-node reads only `token-file`). Relative paths are relative to
 * the kubeconfig file, as kubectl resolves them.
 */
export function tokenFilesOf(text: string, file: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return out;
  }
  const users = (doc as { users?: { name?: unknown; user?: { tokenFile?: unknown } }[] } | null)?.users;
  if (!Array.isArray(users)) return out;
  for (const u of users) {
    const path = u?.user?.tokenFile;
    if (typeof u?.name !== 'string' || typeof path !== 'string' || path === '') continue;
    out.set(u.name, isAbsolute(path) || !file ? path : join(dirname(file), path));
  }
  return out;
}

/**
 * The bearer token of a `tokenFile:` user, read on every request (the file is
 * rotated by whatever writes it, as projected service account tokens are).
 */
export function readTokenFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new Error(`the kubeconfig user's tokenFile ${path} cannot be read (${code})`);
  }
}

/**
 * Makes client-node's exec credential plugins end after the limit: the plugin
 * process is killed, and the request fails with a message naming the command.
 */
export function boundExecPlugins(kc: KubeConfig, limits: AuthLimits): void {
  const authenticators = (kc as unknown as { authenticators?: { execFn?: unknown }[] }).authenticators ?? [];
  for (const a of authenticators) {
    if (typeof a.execFn !== 'function') continue;
    a.execFn = (command: string, args: readonly string[] | undefined, opts: Record<string, unknown>) =>
      spawn(command, args ?? [], { ...opts, timeout: limits.execTimeoutMs, killSignal: 'SIGKILL' });
  }
}

/** Rejects with a clear message when credential gathering outlasts the exec limit. */
export async function withExecDeadline<T>(work: Promise<T>, limits: AuthLimits, command: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the kubeconfig credential plugin ${command} did not answer within ${limits.execTimeoutMs} ms; ` +
              'check that it runs on its own, or raise --exec-timeout',
          ),
        ),
      limits.execTimeoutMs,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
