import type { AwsClients } from '../aws/clients.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { Inventory } from '../inventory/inventory.js';
import type { KubeProgress } from '../inventory/sources/live-kube.js';
import type { StaticLoadOptions } from '../inventory/sources/static-inventory.js';
import type { LiveConnectOptions } from '../live/options.js';
import type { Rule } from '../rules/types.js';

/** Where verify reads its facts: files, the configured platform and apps synthesized in memory, a kubectl dump, or a live cluster. */
export type VerifySource =
  | ({ readonly kind: 'files'; readonly paths: readonly string[] } & StaticLoadOptions)
  | {
      readonly kind: 'synth';
      /** The project folder (apps' chart files are resolved from it). */
      readonly cwd?: string;
      /** Called before each environment is synthesized (the CLI prints a line). */
      readonly onEnvironment?: (name: string) => void;
    }
  | { readonly kind: 'dump'; readonly path: string }
  | {
      readonly kind: 'live';
      readonly connect: LiveConnectOptions;
      readonly pageSize?: number;
      readonly onProgress?: (p: KubeProgress) => void;
    };

/** What the selected rules read, so live and dump sources fetch only that. */
async function selectedNeeds(rules: readonly Rule[], include?: readonly string[], exclude?: readonly string[]) {
  const [{ needsOf }, { selected }] = await Promise.all([
    import('../inventory/sources/needs.js'),
    import('../rules/engine/glob.js'),
  ]);
  return needsOf(
    rules.filter((r) => selected(r.meta.id, include ? [...include] : undefined, exclude ? [...exclude] : undefined)),
  );
}

/**
 * The inventory of one environment from a source; each source's heavy
 * modules (CDK and cdk8s for synth, client-node and the AWS SDK for live)
 * load only when that source is used.
 */
export async function inventoryFor(
  source: VerifySource,
  env: EnvironmentConfig,
  selection: { rules: readonly Rule[]; include?: readonly string[]; exclude?: readonly string[] },
): Promise<Inventory> {
  switch (source.kind) {
    case 'files': {
      const { inventoryFromPaths } = await import('../inventory/sources/static-inventory.js');
      const { kind: _kind, paths, ...options } = source;
      return inventoryFromPaths(paths, options);
    }
    case 'synth': {
      const [{ synthesizeForVerify }, { inventoryFromTexts }] = await Promise.all([
        import('../inventory/sources/synth.js'),
        import('../inventory/sources/static-inventory.js'),
      ]);
      source.onEnvironment?.(env.name);
      return inventoryFromTexts(await synthesizeForVerify(env, 'out', source.cwd));
    }
    case 'dump': {
      const needs = await selectedNeeds(selection.rules, selection.include, selection.exclude);
      const { loadDumpInventory } = await import('../inventory/sources/dump.js');
      return loadDumpInventory(source.path, { kinds: needs.kube, awsTypes: needs.aws });
    }
    case 'live': {
      const needs = await selectedNeeds(selection.rules, selection.include, selection.exclude);
      const [{ collectLiveInventory }, { connectLive }] = await Promise.all([
        import('../inventory/sources/live.js'),
        import('../live/connect.js'),
      ]);
      const connect = source.connect;
      // The cluster is connected only when the rules read it: an AWS-only selection needs no kubeconfig.
      const connection =
        needs.kube.length > 0 ? await connectLive(connect as LiveConnectOptions<AwsClients>) : undefined;
      return collectLiveInventory({
        needs,
        env,
        kube: { reader: connection?.kube, namespace: connect.namespace, pageSize: source.pageSize },
        aws: connect.aws === false ? false : { ...connect.aws, clients: connection?.aws?.clients },
        onProgress: source.onProgress,
      });
    }
  }
}
