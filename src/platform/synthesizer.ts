import type { EnvironmentConfig } from '../config/types.js';
import { environmentsSharingAnAccount, findNameClashes, NameClashError } from './name-clashes.js';
import { type SynthesizedPlatform, synthesizePlatformTemplates } from './platform-templates.js';
import {
  environmentTemplates,
  kubectlLayerFor,
  type PlatformSynthResult,
  type Synthesizer,
  type SynthOptions,
  type SynthPartResult,
  type SynthRun,
  synthesizePlatform,
  writePlatform,
} from './synth.js';

function describeSettings(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('; ') : String(v)}`)
    .join('\n');
}

function platformPart(result: PlatformSynthResult): SynthPartResult {
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
}

/**
 * The environments a run synthesizes up front: those it writes (unless it
 * writes cloud assemblies, which need an app of their own per environment) and
 * those the name-clash check reads (every environment that shares an account
 * with another), in config order.
 */
export function environmentsToSynthesize(run: SynthRun, opts: Pick<SynthOptions, 'assembly'>): EnvironmentConfig[] {
  const sharing = new Set(environmentsSharingAnAccount(run.environments).map((e) => e.name));
  const written = new Set(opts.assembly ? [] : run.selected.map((e) => e.name));
  return run.environments.filter((e) => sharing.has(e.name) || written.has(e.name));
}

/**
 * The platform part of `slipway synth`: `<out>/<env>/platform/`. `prepare`
 * synthesizes every environment the run needs at once, in one CDK app where
 * they can share it, checks their resource names across environments (the
 * run stops with NameClashError before anything is written) and keeps the
 * templates, so each environment is synthesized once per run, not once for
 * the check and again to be written.
 */
export const platformSynthesizer: Synthesizer = {
  part: 'platform',
  async prepare(run, opts) {
    const needed = environmentsToSynthesize(run, opts);
    const synthesized = await synthesizePlatformTemplates(needed, {
      validateTemplates: opts.validate,
      loadLayer: kubectlLayerFor,
    });
    const sharing = new Set(environmentsSharingAnAccount(run.environments).map((e) => e.name));
    const clashes = findNameClashes(environmentTemplates(synthesized.filter((s) => sharing.has(s.env.name))));
    if (clashes.length > 0) throw new NameClashError(clashes);
    const ready = new Map<string, SynthesizedPlatform>(synthesized.map((s) => [s.env.name, s]));
    return {
      part: 'platform',
      async synthesize(env, o) {
        const done = o.assembly ? undefined : ready.get(env.name);
        if (done) return platformPart(await writePlatform(done, o.outdir));
        return platformSynthesizer.synthesize(env, o);
      },
    };
  },
  async synthesize(env, opts) {
    return platformPart(
      await synthesizePlatform(env, { outdir: opts.outdir, validateTemplates: opts.validate, assembly: opts.assembly }),
    );
  },
};
