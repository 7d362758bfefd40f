/**
 * Platform synthesis time per environment of the bundled example.
 * Run: npx tsx bench/platform-synth.ts   (offline; no credentials needed)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledExamplePath, loadConfig } from '../src/config/load.js';
import { synthesizePlatform } from '../src/platform/synth.js';

const config = await loadConfig(bundledExamplePath());
const out = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
const runs = 3;
try {
  for (const [name, env] of Object.entries(config.environments)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await synthesizePlatform(env, { outdir: out });
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${name}: first ${times[0].toFixed(0)} ms, median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms over ${runs} runs`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
