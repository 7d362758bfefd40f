import { apiError, KubeApiError, parseBody } from './errors.js';
import { isBuiltinKind, type KindInfo, kindInfo } from './kinds.js';
import type { KubeTransport } from './transport.js';

/** A kind the cluster serves, at the version chosen by discovery. */
export interface ServedKind {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

export type Resolution =
  | { readonly served: true; readonly info: ServedKind }
  | { readonly served: false; readonly reason: string };

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/** Finds the served version of each kind from /api, /apis and /apis/<group>/<version>; caches answers. */
export class Discovery {
  private groups?: Promise<Map<string, string[]>>;
  private readonly resourceLists = new Map<string, Promise<ApiResource[]>>();

  constructor(private readonly transport: KubeTransport) {}

  async resolve(kind: string): Promise<Resolution> {
    const info = kindInfo(kind);
    if (!info) return { served: false, reason: `Slipway has no API mapping for kind ${kind}` };
    const groups = await this.servedGroups().catch(unavailable);
    // Discovery unavailable: assume the usual version; a 404 on the list will say otherwise.
    if (!groups) return { served: true, info: fromTable(info, info.versions[0]) };
    const served = groups.get(info.group);
    // A built-in kind missing from discovery is still tried: the list answers for itself.
    if (!served && isBuiltinKind(kind)) return { served: true, info: fromTable(info, info.versions[0]) };
    if (!served) return { served: false, reason: notServed(info, 'group not served') };
    for (const version of info.versions) {
      if (!served.includes(version)) continue;
      const resources = await this.resources(info.group, version).catch(unavailable);
      if (!resources) return { served: true, info: fromTable(info, version) };
      const resource = resources.find((r) => r.kind === kind && !r.name.includes('/'));
      if (resource) {
        return {
          served: true,
          info: { kind, group: info.group, version, plural: resource.name, namespaced: resource.namespaced },
        };
      }
    }
    if (isBuiltinKind(kind)) return { served: true, info: fromTable(info, info.versions[0]) };
    return { served: false, reason: notServed(info, `served versions: ${served.join(', ')}`) };
  }

  private servedGroups(): Promise<Map<string, string[]>> {
    this.groups ??= (async () => {
      const out = new Map<string, string[]>();
      const core = await this.json<{ versions?: string[] }>('/api');
      out.set('', core.versions ?? []);
      const apis = await this.json<{ groups?: { name: string; versions?: { version: string }[] }[] }>('/apis');
      for (const g of apis.groups ?? [])
        out.set(
          g.name,
          (g.versions ?? []).map((v) => v.version),
        );
      return out;
    })();
    return this.groups;
  }

  private resources(group: string, version: string): Promise<ApiResource[]> {
    const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
    let list = this.resourceLists.get(path);
    if (!list) {
      list = this.json<{ resources?: ApiResource[] }>(path).then((r) => r.resources ?? []);
      this.resourceLists.set(path, list);
    }
    return list;
  }

  private async json<T>(path: string): Promise<T> {
    const res = await this.transport.get(path);
    if (res.status !== 200) throw apiError(res.status, path, res.body);
    return parseBody(res.body, path) as T;
  }
}

/** Discovery that is missing (404) or not permitted (403) is worked around; anything else (401, no connection) is raised. */
function unavailable(e: unknown): undefined {
  if (e instanceof KubeApiError && (e.status === 404 || e.status === 403)) return undefined;
  throw e;
}

function fromTable(info: KindInfo, version: string): ServedKind {
  return { kind: info.kind, group: info.group, version, plural: info.plural, namespaced: info.namespaced };
}

function notServed(info: KindInfo, why: string): string {
  const gv = info.group ? `${info.group}/${info.versions.join('|')}` : info.versions.join('|');
  return `${info.kind} (${gv}) is not served by this cluster (${why})`;
}
