import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import type { KubectlLayerFactory } from './cluster.js';
import {
  type EnvironmentTemplate,
  environmentsSharingAnAccount,
  findNameClashes,
  type NameClash,
  NameClashError,
} from './name-clashes.js';
import {
  type AppSettings,
  addPlatformStack,
  platformApp,
  type SynthesizedPlatform,
  synthesizePlatformTemplates,
  templatesOf,
} from './platform-templates.js';
import { platformStackName } from './stack.js';
import { type ComponentSummary, summarizeComponents } from './summary.js';
import type { VersionLock } from './versions.js';

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

/** How the CDK app is set up: extra context, output folder, validation, asset staging. */
export type BuildOptions = AppSettings;

/** Builds the CDK app with the environment's platform stack (nothing synthesized yet). */
export async function buildPlatformApp(env: EnvironmentConfig, opts: BuildOptions = {}) {
  const app = platformApp(opts);
  const { stack, versions } = await addPlatformStack(app, env, kubectlLayerFor);
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
  if (opts.assembly) return synthesizeWithAssembly(env, opts);
  const [synthesized] = await synthesizePlatformTemplates([env], {
    validateTemplates: opts.validateTemplates,
    loadLayer: kubectlLayerFor,
  });
  return writePlatform(synthesized, opts.outdir);
}

/**
 * Writes a synthesized platform's templates to `<outdir>/<env>/platform/` with
 * sorted keys, replacing the templates an earlier run left there.
 */
export async function writePlatform(
  synthesized: SynthesizedPlatform,
  outdir: string,
  assembly?: string,
): Promise<PlatformSynthResult> {
  const { env, stack, versions } = synthesized;
  const dir = join(outdir, env.name, 'platform');
  await mkdir(dir, { recursive: true });
  for (const old of await readdir(dir)) {
    if (old.endsWith('.template.json')) await rm(join(dir, old));
  }
  const templates: string[] = [];
  for (const { file, template } of synthesized.templates) {
    const target = join(dir, file);
    await writeFile(target, `${JSON.stringify(sortKeys(template), null, 2)}\n`);
    templates.push(target);
  }
  return {
    environment: env.name,
    stackName: stack.stackName,
    kubernetesVersion: env.kubernetesVersion,
    templates,
    ...(assembly ? { assembly } : {}),
    components: summarizeComponents(env, stack.components, versions),
  };
}

/** One environment in an app of its own with its assets staged, so its cloud assembly can be deployed. */
async function synthesizeWithAssembly(
  env: EnvironmentConfig,
  opts: PlatformSynthOptions,
): Promise<PlatformSynthResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'slipway-synth-'));
  try {
    const { app, stack, versions } = await buildPlatformApp(env, {
      outdir: scratch,
      validateTemplates: opts.validateTemplates,
      stageAssets: true,
    });
    const assembly = app.synth();
    const templates = await templatesOf(stack, assembly.directory);
    const copied = await copyAssembly(assembly.directory, join(opts.outdir, env.name, 'cdk.out'));
    return writePlatform({ env, stack, versions, templates }, opts.outdir, copied);
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

/** Each synthesized environment's stack template, as the name-clash check reads it. */
export function environmentTemplates(synthesized: readonly SynthesizedPlatform[]): EnvironmentTemplate[] {
  return synthesized.map(({ env, stack, templates }) => ({
    environment: env.name,
    account: env.account,
    region: env.region,
    stackName: platformStackName(env),
    template: templates.find((t) => t.file === basename(stack.templateFile))?.template,
  }));
}

/**
 * The named resources two environments in one account and region would both
 * create (the second deploy would fail). Only environments that share an
 * account with another are synthesized, together in one app where they can be.
 */
export async function nameClashes(envs: readonly EnvironmentConfig[]): Promise<NameClash[]> {
  const sharing = environmentsSharingAnAccount(envs);
  return findNameClashes(
    environmentTemplates(await synthesizePlatformTemplates(sharing, { loadLayer: kubectlLayerFor })),
  );
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

/** What `slipway synth` was asked for. */
export interface SynthOptions {
  readonly outdir: string;
  readonly validate: boolean;
  readonly assembly?: boolean;
}

/** The environments of one `slipway synth` run. */
export interface SynthRun {
  /** Every environment of the config, in config order (checks across environments read them all). */
  readonly environments: readonly EnvironmentConfig[];
  /** The ones this run writes, in config order. */
  readonly selected: readonly EnvironmentConfig[];
}

/**
 * The seam of `slipway synth`: each synthesizer writes `<outdir>/<env>/<part>/`
 * and reports rows. The command runs every registered synthesizer in order;
 * one with `prepare` is first handed the whole run (before anything is
 * written) and the synthesizer it returns writes each environment.
 */
export interface Synthesizer {
  readonly part: string;
  prepare?(run: SynthRun, opts: SynthOptions): Promise<Synthesizer>;
  synthesize(env: EnvironmentConfig, opts: SynthOptions): Promise<SynthPartResult>;
}
