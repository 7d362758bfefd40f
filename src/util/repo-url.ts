/** How a Git repository URL is written for a GitOps controller. */
export type RepoTransport = 'https' | 'ssh';

/** A repository URL taken apart: host, owner/name path (no leading slash) and how it is reached. */
export interface ParsedRepoURL {
  readonly transport: RepoTransport;
  readonly host: string;
  /** `owner/name.git`, without a leading slash. */
  readonly path: string;
  /** The ssh user (`git` for most hosts). */
  readonly user?: string;
  /** An explicit port, as written. */
  readonly port?: string;
}

/** The placeholder older releases wrote; no real repository lives there. */
export const REPO_URL_PLACEHOLDER = 'https://git.example.com/REPLACE-ME/deploy.git';

/**
 * Parses the forms Argo CD and Flux accept: `https://host/path`, `ssh://user@host[:port]/path`
 * and the scp-like `user@host:path`. Credentials in an https URL are dropped.
 * Undefined when it is none of these (a local path, `file://`, a bare word).
 */
export function parseRepoURL(url: string): ParsedRepoURL | undefined {
  const text = url.trim();
  const scp = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/.exec(text);
  if (scp && !scp[3].startsWith('/')) {
    return { transport: 'ssh', user: scp[1], host: scp[2].toLowerCase(), path: scp[3] };
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '').replace(/\/+$/, '');
  if (!parsed.hostname || !path || /\s/.test(path)) return undefined;
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port || undefined;
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return { transport: 'https', host, path, port };
  if (parsed.protocol === 'ssh:') return { transport: 'ssh', host, path, port, user: parsed.username || 'git' };
  return undefined;
}

/**
 * A repository URL in the form a GitOps controller expects: credentials
 * stripped, and converted to the transport asked for
 * (`git@github.com:o/r.git` ⇄ `https://github.com/o/r.git`); as written when
 * no transport is asked for. Undefined when the URL cannot be parsed.
 */
export function normalizeRepoURL(url: string, transport?: RepoTransport): string | undefined {
  const p = parseRepoURL(url);
  if (!p) return undefined;
  const want = transport ?? p.transport;
  if (want === 'https') {
    const keepPort = p.transport === 'https' && p.port ? `:${p.port}` : '';
    return `https://${p.host}${keepPort}/${p.path}`;
  }
  const user = p.user ?? 'git';
  if (p.transport === 'ssh' && p.port) return `ssh://${user}@${p.host}:${p.port}/${p.path}`;
  return `${user}@${p.host}:${p.path}`;
}

/** Domains reserved for documentation and testing (RFC 2606, RFC 6761): no real repository is hosted there. */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/;

/**
 * Why a repository URL cannot be a real one (a placeholder word or a reserved
 * example domain), or undefined when it may be real.
 */
export function placeholderReason(url: string): string | undefined {
  if (/REPLACE-?ME|CHANGE-?ME|YOUR[-_]?(ORG|REPO)/i.test(url)) return 'it holds a placeholder word';
  const p = parseRepoURL(url);
  if (p && RESERVED_DOMAIN.test(p.host)) return `${p.host} is a domain reserved for examples`;
  return undefined;
}
