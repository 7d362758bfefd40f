import type { EnvironmentConfig } from '../../config/types.js';
import type { KubeReader } from '../../kube/reader.js';
import { Inventory } from '../inventory.js';
import type { AwsResource, KubeResource } from '../types.js';
import { WORKLOAD_TEMPLATE_PATHS } from '../workloads.js';
import { collectKube, type KubeProgress } from './live-kube.js';
import type { Needs } from './needs.js';

export interface LiveKubeOptions {
  /** --kubeconfig; default: KUBECONFIG / ~/.kube/config (client-node conventions). */
  readonly kubeconfig?: string;
  /** --context; default: the current context. */
  readonly context?: string;
  /** -n: read namespaced kinds in this namespace only. */
  readonly namespace?: string;
  /** A ready reader (tests, library callers); replaces kubeconfig/context. */
  readonly reader?: KubeReader;
  readonly pageSize?: number;
  readonly concurrency?: number;
  readonly requestTimeoutMs?: number;
  /** Request, retry and credential-plugin limits (docs/verify.md, "Limits"); the rest keep their defaults. */
  readonly limits?: Partial<import('../../kube/transport.js').KubeLimits>;
  /** Most pages read for one kind; default 2,000. */
  readonly maxPages?: number;
  /**
   * `rules` (default): of Pods, Nodes and ReplicaSets, only the fields verify reads are kept (RULE_FIELDS in
   * live-fields.ts); `all`: every object whole, as the server sent it.
   */
  readonly fields?: 'all' | 'rules';
}

export interface LiveAwsOptions {
  /** --profile (or AWS_PROFILE, read by the CLI). */
  readonly profile?: string;
  /** --region (or AWS_REGION, read by the CLI); default: the environment's region. */
  readonly region?: string;
  /** Injected clients (tests). */
  readonly clients?: import('../../aws/clients.js').AwsClients;
}

export interface LiveInventoryOptions {
  /** What the selected rules read (see needsOf). */
  readonly needs: Needs;
  readonly env: EnvironmentConfig;
  readonly kube?: LiveKubeOptions;
  /** false: --no-aws (AWS facts stay unknown). */
  readonly aws?: LiveAwsOptions | false;
  /** Progress of the Kubernetes lists (the CLI prints it on a terminal's stderr). */
  readonly onProgress?: (p: KubeProgress) => void;
}

/**
 * Builds an Inventory from the running cluster and its AWS account, read-only:
 * only the kinds and types the selected rules need, page by page.
 */
export async function collectLiveInventory(options: LiveInventoryOptions): Promise<Inventory> {
  const notes: string[] = [];
  const kubeDenied = new Map<string, string>();
  const awsDenied = new Map<string, string>();
  let kube: KubeResource[] = [];
  let kubeKinds = new Set<string>();
  let aws: AwsResource[] = [];
  let awsTypes = new Set<string>();

  if (options.needs.kube.length > 0) {
    let reader = options.kube?.reader;
    if (!reader) {
      const { connectKube } = await import('../../kube/transport.js');
      const { ApiKubeReader } = await import('../../kube/reader.js');
      reader = new ApiKubeReader(
        await connectKube({
          kubeconfig: options.kube?.kubeconfig,
          context: options.kube?.context,
          requestTimeoutMs: options.kube?.requestTimeoutMs,
          limits: options.kube?.limits,
          expected: { cluster: options.env.clusterName, region: options.env.region },
        }),
      );
    }
    // Fails fast, with the server's answer, when the cluster cannot be reached or rejects the credentials.
    await reader.resolve(options.needs.kube[0]);
    const got = await collectKube({
      reader,
      kinds: options.needs.kube,
      namespace: options.kube?.namespace,
      pageSize: options.kube?.pageSize,
      maxPages: options.kube?.maxPages,
      concurrency: options.kube?.concurrency,
      fields: options.kube?.fields ?? 'rules',
      onProgress: options.onProgress,
    });
    kube = got.resources;
    kubeKinds = got.kinds;
    for (const [k, v] of got.denied) kubeDenied.set(k, v);
    notes.push(...got.notes);
    if (options.kube?.namespace) notes.push(`namespaced kinds were read in namespace ${options.kube.namespace} only`);
  }

  if (options.needs.aws.length > 0) {
    if (options.aws === false) {
      for (const t of options.needs.aws) awsDenied.set(t, 'AWS was not read (--no-aws)');
      notes.push('AWS facts are unknown: --no-aws was given');
    } else {
      const { collectAws } = await import('./live-aws/collect.js');
      const got = await collectAws({
        types: options.needs.aws,
        clusterName: options.env.clusterName,
        secretsPath: options.env.secretsPath,
        images: imagesOf(kube),
        region: options.aws?.region ?? options.env.region,
        profile: options.aws?.profile,
        clients: options.aws?.clients,
      });
      aws = got.resources;
      awsTypes = got.types;
      for (const [k, v] of got.denied) awsDenied.set(k, v);
      notes.push(...got.notes);
    }
  }

  return new Inventory({
    kube,
    aws,
    coverage: { mode: 'live', kubeKinds, kubeDenied, awsTypes, awsDenied, notes },
  });
}

/** Every container image the collected objects run (pods and pod templates). */
export function imagesOf(resources: readonly KubeResource[]): string[] {
  const out = new Set<string>();
  for (const r of resources) {
    const path = WORKLOAD_TEMPLATE_PATHS[r.object.kind];
    if (!path) continue;
    let t: unknown = r.object;
    for (const seg of path) t = (t as Record<string, unknown> | undefined)?.[seg as string];
    const spec = (t as { spec?: { containers?: { image?: string }[]; initContainers?: { image?: string }[] } })?.spec;
    for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) if (c.image) out.add(c.image);
  }
  return [...out].sort();
}
