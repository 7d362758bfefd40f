import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EnvironmentConfig } from '../config/types.js';
import { App, Stack } from './cdk/core.js';
import type { KubectlLayerFactory } from './cluster.js';
import { PlatformStack, platformStackName } from './stack.js';
import { type VersionLock, versionsFor } from './versions.js';

/** One template file of a synthesized platform: its file name in the assembly and its content. */
export interface TemplateFile {
  readonly file: string;
  readonly template: unknown;
}

/** One environment's platform, synthesized in memory (assets not staged). */
export interface SynthesizedPlatform {
  readonly env: EnvironmentConfig;
  readonly stack: PlatformStack;
  readonly versions: VersionLock;
  /** The stack's template and those of its nested stacks, sorted by file name. */
  readonly templates: readonly TemplateFile[];
}

export interface AppSettings {
  /** Extra context (the toolkit passes its own when it drives synthesis). */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
  readonly validateTemplates?: boolean;
  /** Copy assets into the cloud assembly (needed to deploy); off for plain synthesis. */
  readonly stageAssets?: boolean;
}

/** What the assembly of a synthesis for templates only leaves out; none of it changes a template. */
const TEMPLATES_ONLY: Record<string, unknown> = {
  'aws:cdk:disable-asset-staging': true,
  // Construct metadata that the manifest of the assembly carries and nothing here reads: where each
  // construct was created (stack traces) and each resource's logical id.
  'aws:cdk:disable-stack-trace': true,
  'aws:cdk:disable-creation-stack-traces': true,
  'aws:cdk:disable-logicalId-metadata': true,
};

/**
 * A CDK app with Slipway's settings, no stacks yet: no analytics, no tree.json, template validation only
 * when asked. Unless assets are staged (an assembly to deploy), its assembly carries templates only.
 */
export function platformApp(opts: AppSettings = {}): App {
  const context: Record<string, unknown> = { ...(opts.stageAssets ? {} : TEMPLATES_ONLY), ...opts.context };
  return new App({
    outdir: opts.outdir,
    analyticsReporting: false,
    treeMetadata: false,
    builtinCloudFormationValidation: opts.validateTemplates ?? false,
    context,
  });
}

/** The kubectl layers of the environments' Kubernetes minors, each package loaded once. */
export type KubectlLayerLoader = (lock: VersionLock) => Promise<KubectlLayerFactory>;

/** Adds the environment's platform stack to `app`. */
export async function addPlatformStack(app: App, env: EnvironmentConfig, loadLayer: KubectlLayerLoader) {
  const versions = versionsFor(env.kubernetesVersion);
  const kubectlLayer = await loadLayer(versions);
  const stack = new PlatformStack(app, platformStackName(env), { config: env, kubectlLayer, versions });
  return { stack, versions };
}

/** The templates of `stack` and of its nested stacks in the assembly folder `dir`, sorted by file name. */
export async function templatesOf(stack: Stack, dir: string): Promise<TemplateFile[]> {
  const files = [stack, ...stack.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c !== stack)]
    .map((s) => basename(s.templateFile))
    .sort();
  const templates: TemplateFile[] = [];
  for (const file of files) {
    templates.push({ file, template: JSON.parse(await readFile(join(dir, file), 'utf8')) });
  }
  return templates;
}

/**
 * Environments in groups whose stack names are distinct, in config order: the
 * stacks of one group can share one CDK app (two stacks of one name cannot).
 */
export function appGroups(envs: readonly EnvironmentConfig[]): EnvironmentConfig[][] {
  const groups: EnvironmentConfig[][] = [];
  for (const env of envs) {
    const name = platformStackName(env);
    const group = groups.find((g) => g.every((e) => platformStackName(e) !== name));
    if (group) group.push(env);
    else groups.push([env]);
  }
  return groups;
}

/**
 * Synthesizes the platform stacks of several environments offline, as many as
 * can share it in one CDK app (the construct tree is built once per stack and
 * the app's preparation and synthesis run once for all of them), and returns
 * each stack's templates in memory. The templates are those one app per
 * environment gives: a stack's logical ids, tokens and assets depend on the
 * stack alone. Assets are not staged; the scratch assembly is removed.
 */
export async function synthesizePlatformTemplates(
  envs: readonly EnvironmentConfig[],
  opts: { readonly validateTemplates?: boolean; readonly loadLayer: KubectlLayerLoader },
): Promise<SynthesizedPlatform[]> {
  const layers = new Map<string, Promise<KubectlLayerFactory>>();
  const loadLayer: KubectlLayerLoader = (lock) => {
    const key = `${lock.kubectlLayer.package}#${lock.kubectlLayer.className}`;
    const loaded = layers.get(key) ?? opts.loadLayer(lock);
    layers.set(key, loaded);
    return loaded;
  };
  const byName = new Map<string, SynthesizedPlatform>();
  for (const group of appGroups(envs)) {
    const scratch = await mkdtemp(join(tmpdir(), 'slipway-synth-'));
    try {
      const app = platformApp({ outdir: scratch, validateTemplates: opts.validateTemplates });
      const built = [];
      for (const env of group) built.push({ env, ...(await addPlatformStack(app, env, loadLayer)) });
      const assembly = app.synth();
      for (const { env, stack, versions } of built) {
        byName.set(env.name, { env, stack, versions, templates: await templatesOf(stack, assembly.directory) });
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return envs.map((e) => byName.get(e.name) as SynthesizedPlatform);
}
