import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { App } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import type { KubectlLayerFactory } from './cluster.js';
import { environmentsSharingAnAccount, findNameClashes, type NameClash, NameClashError } from './name-clashes.js';
import { PlatformStack, platformStackName } from './stack.js';
import { type ComponentSummary, summarizeComponents } from './summary.js';
import { type VersionLock, versionsFor } from './versions.js';

export interface PlatformSynthOptions {
  /** Templates are written to `<outdir>/<env>/platform/`. */
  readonly outdir: string;
  /** Run CDK's built-in CloudFormation template validation (slower). Default false. */
  readonly validateTemplates?: boolean;
  /**
   * Also write the cloud assembly (manifest.json, the template and the staged
   * assets, about 60 MB with the kubectl layer) to `<outdir>/<env>/cdk.out`,
   * for `cdk deploy --app <that folder>`. Default false.
   */
  readonly assembly?: boolean;
}

export interface PlatformSynthResult {
  readonly environment: string;
  readonly stackName: string;
  readonly kubernetesVersion: string;
  /** Paths of the written templates, sorted. */
  readonly templates: readonly string[];
  /** The cloud assembly folder, when one was written. */
  readonly assembly?: string;
  readonly components: readonly ComponentSummary[];
}

/** Loads the kubectl layer package the lock names for this Kubernetes minor. */
export async function kubectlLayerFor(lock: VersionLock): Promise<KubectlLayerFactory> {
  const { package: pkg, className } = lock.kubectlLayer;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pkg)) as Record<string, unknown>;
  } catch {
    throw new Error(
      `the kubectl layer package ${pkg} is not installed; it is required for this Kubernetes version. ` +
        `Install it with: npm install ${pkg}`,
    );
  }
  const Layer = mod[className] as (new (scope: Construct, id: string) => lambda.ILayerVersion) | undefined;
  if (typeof Layer !== 'function') throw new Error(`${pkg} does not export ${className}`);
  return (scope, id) => new Layer(scope, id);
}

export interface BuildOptions {
  /** Extra context (the toolkit passes its own when it drives synthesis). */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
  readonly validateTemplates?: boolean;
  /** Copy assets into the cloud assembly (needed to deploy); off for plain synthesis. */
  readonly stageAssets?: boolean;
}

/** Builds the CDK app with the environment's platform stack (nothing synthesized yet). */
export async function buildPlatformApp(env: EnvironmentConfig, opts: BuildOptions = {}) {
  const versions = versionsFor(env.kubernetesVersion);
  const kubectlLayer = await kubectlLayerFor(versions);
  const context: Record<string, unknown> = { ...opts.context };
  if (!opts.stageAssets) context['aws:cdk:disable-asset-staging'] = true;
  const app = new App({
    outdir: opts.outdir,
    analyticsReporting: false,
    treeMetadata: false,
    builtinCloudFormationValidation: opts.validateTemplates ?? false,
    context,
  });
  const stack = new PlatformStack(app, platformStackName(env), { config: env, kubectlLayer, versions });
  return { app, stack, versions };
}

/**
 * Synthesizes one environment's platform offline (no credentials, no
 * lookups) and writes its templates with sorted keys, so re-running gives
 * byte-identical files. Returns the per-component summary.
 */
export async function synthesizePlatform(
  env: EnvironmentConfig,
  opts: PlatformSynthOptions,
): Promise<PlatformSynthResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'slipway-synth-'));
  try {
    const { app, stack, versions } = await buildPlatformApp(env, {
      outdir: scratch,
      validateTemplates: opts.validateTemplates,
      stageAssets: opts.assembly,
    });
    const assembly = app.synth();
    const dir = join(opts.outdir, env.name, 'platform');
    await mkdir(dir, { recursive: true });
    for (const old of await readdir(dir)) {
      if (old.endsWith('.template.json')) await rm(join(dir, old));
    }
    const templates: string[] = [];
    for (const file of (await readdir(assembly.directory)).filter((f) => f.endsWith('.template.json')).sort()) {
      const parsed: unknown = JSON.parse(await readFile(join(assembly.directory, file), 'utf8'));
      const target = join(dir, file);
      await writeFile(target, `${JSON.stringify(sortKeys(parsed), null, 2)}\n`);
      templates.push(target);
    }
    const assemblyDir = opts.assembly
      ? await copyAssembly(assembly.directory, join(opts.outdir, env.name, 'cdk.out'))
      : undefined;
    return {
      environment: env.name,
      stackName: stack.stackName,
      kubernetesVersion: env.kubernetesVersion,
      templates,
      ...(assemblyDir ? { assembly: assemblyDir } : {}),
      components: summarizeComponents(env, stack.components, versions),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Replaces `target` with the cloud assembly in `from`. A folder that is there
 * already is replaced only when it is a cloud assembly (it has manifest.json),
 * so a user's own folder of that name is never deleted.
 */
async function copyAssembly(from: string, target: string): Promise<string> {
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    const isAssembly = await stat(join(target, 'manifest.json')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isAssembly) {
      throw new Error(
        `${target} exists and is not a cloud assembly (no manifest.json); move it away or choose another --out, ` +
          'since synth --assembly replaces that folder',
      );
    }
    await rm(target, { recursive: true, force: true });
  }
  await cp(from, target, { recursive: true });
  return target;
}

/** The platform template of one environment, synthesized in memory (assets not staged). */
export async function platformTemplate(env: EnvironmentConfig): Promise<unknown> {
  const scratch = await mkdtemp(join(tmpdir(), 'slipway-names-'));
  try {
    const { app, stack } = await buildPlatformApp(env, { outdir: scratch });
    return app.synth().getStackArtifact(stack.artifactId).template;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The named resources two environments in one account and region would both
 * create (the second deploy would fail). Only environments that share an
 * account with another are synthesized.
 */
export async function nameClashes(envs: readonly EnvironmentConfig[]): Promise<NameClash[]> {
  const templates = [];
  for (const env of environmentsSharingAnAccount(envs)) {
    templates.push({
      environment: env.name,
      account: env.account,
      region: env.region,
      stackName: platformStackName(env),
      template: await platformTemplate(env),
    });
  }
  return findNameClashes(templates);
}

/** Throws NameClashError (which environments, which names, which setting) when any name clashes. */
export async function assertNoNameClashes(envs: readonly EnvironmentConfig[]): Promise<void> {
  const clashes = await nameClashes(envs);
  if (clashes.length > 0) throw new NameClashError(clashes);
}

/** Recursively sorts object keys (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** One row of the `slipway synth` table. */
export interface SynthRow {
  readonly component: string;
  /** Total resources this component put in its output. */
  readonly resources: number;
  /** Short human text: resource types and notable settings. */
  readonly detail: string;
}

/** What one synthesizer produced for one environment. */
export interface SynthPartResult {
  /** The folder under `<outdir>/<env>/` it wrote (platform, apps, …). */
  readonly part: string;
  readonly files: readonly string[];
  readonly rows: readonly SynthRow[];
  /** Printed as `<env>.<part>` by `slipway synth -o json`. */
  readonly data: unknown;
}

/**
 * The seam of `slipway synth`: each synthesizer writes `<outdir>/<env>/<part>/`
 * and reports rows. The command runs every registered synthesizer in order.
 */
export interface Synthesizer {
  readonly part: string;
  synthesize(
    env: EnvironmentConfig,
    opts: { outdir: string; validate: boolean; assembly?: boolean },
  ): Promise<SynthPartResult>;
}

function describeSettings(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('; ') : String(v)}`)
    .join('\n');
}

export const platformSynthesizer: Synthesizer = {
  part: 'platform',
  async synthesize(env, opts) {
    const result = await synthesizePlatform(env, {
      outdir: opts.outdir,
      validateTemplates: opts.validate,
      assembly: opts.assembly,
    });
    return {
      part: 'platform',
      files: [...result.templates, ...(result.assembly ? [result.assembly] : [])],
      rows: result.components.map((c) => ({
        component: c.component,
        resources: Object.values(c.resources).reduce((a, b) => a + b, 0),
        detail: describeSettings(c.settings),
      })),
      data: result,
    };
  },
};
