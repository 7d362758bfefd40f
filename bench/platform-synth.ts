/**
 * Platform synthesis time of the bundled example, in one process after its modules loaded: each
 * environment in an app of its own (synthesizePlatform, templates written), then both environments in
 * one app (synthesizePlatformTemplates, what `slipway synth --all` does). The first round carries V8's
 * warm-up; the median is over the rounds. For whole runs of the CLI, and EKS Blueprints beside them,
 * see bench/blueprints-compare.ts.
 * Run: npx tsx bench/platform-synth.ts [runs]   (offline; no credentials needed)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledExamplePath, loadConfig } from '../src/config/load.js';
import { synthesizePlatformTemplates } from '../src/platform/platform-templates.js';
import { kubectlLayerFor, synthesizePlatform } from '../src/platform/synth.js';

const config = await loadConfig(bundledExamplePath());
const envs = Object.values(config.environments);
const out = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
const runs = Number(process.argv[2] ?? 3);

async function time(name: string, work: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${name}: first ${times[0].toFixed(0)} ms, median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms over ${runs} runs`,
  );
}

try {
  for (const env of envs) await time(`${env.name} alone`, () => synthesizePlatform(env, { outdir: out }));
  await time(`${envs.map((e) => e.name).join(' + ')} in one app`, () =>
    synthesizePlatformTemplates(envs, { loadLayer: kubectlLayerFor }),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
