import type { ValuePath } from '../util/paths.js';
import type { KubeObject } from './types.js';

/** One Git source a GitOps object syncs from: its URL and folder, and where each sits in the object. */
export interface GitopsSource {
  /** The repository URL (Argo CD `repoURL`, Flux GitRepository `url`); undefined for a Flux Kustomization. */
  readonly repoURL?: string;
  readonly repoURLPath?: ValuePath;
  /** The folder from the repository root, without a leading `./`; undefined for Helm chart sources. */
  readonly path?: string;
  readonly pathPath?: ValuePath;
  /** Automated sync prunes what the repository no longer has. */
  readonly prune: boolean;
  readonly prunePath?: ValuePath;
}

/** The GitOps kinds read: Argo CD Applications, Flux Kustomizations and GitRepositories. */
export const GITOPS_KINDS = ['Application', 'Kustomization', 'GitRepository'] as const;

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function repoPath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
}

/**
 * The Git sources of an Argo CD Application (`spec.source` and each of
 * `spec.sources`), a Flux Kustomization (`spec.path`) or a Flux GitRepository
 * (`spec.url`); empty for any other object.
 */
export function gitopsSources(o: KubeObject): GitopsSource[] {
  const group = o.apiVersion.split('/')[0];
  const spec = rec(o.spec);
  if (!spec) return [];
  if (o.kind === 'Application' && group === 'argoproj.io') {
    const automated = rec(rec(spec.syncPolicy)?.automated);
    const prune = automated?.prune === true;
    const prunePath = prune ? ['spec', 'syncPolicy', 'automated', 'prune'] : undefined;
    const sources: [Rec, ValuePath][] = [];
    if (rec(spec.source)) sources.push([rec(spec.source) as Rec, ['spec', 'source']]);
    if (Array.isArray(spec.sources)) {
      spec.sources.forEach((s, i) => {
        if (rec(s)) sources.push([rec(s) as Rec, ['spec', 'sources', i]]);
      });
    }
    return sources.map(([s, at]) => {
      const path = str(s.path);
      return {
        repoURL: str(s.repoURL),
        repoURLPath: [...at, 'repoURL'],
        ...(path && !str(s.chart) ? { path: repoPath(path), pathPath: [...at, 'path'] } : {}),
        prune,
        prunePath,
      };
    });
  }
  if (o.kind === 'Kustomization' && group === 'kustomize.toolkit.fluxcd.io') {
    const path = str(spec.path) ?? './';
    return [
      {
        path: repoPath(path),
        pathPath: ['spec', 'path'],
        prune: spec.prune === true,
        prunePath: spec.prune === true ? ['spec', 'prune'] : undefined,
      },
    ];
  }
  if (o.kind === 'GitRepository' && group === 'source.toolkit.fluxcd.io') {
    return [{ repoURL: str(spec.url), repoURLPath: ['spec', 'url'], prune: false }];
  }
  return [];
}
