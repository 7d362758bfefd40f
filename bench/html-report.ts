/**
 * The HTML report of 20,000 objects' findings: its size, how long Node takes to
 * write it, and how long headless Chromium takes to show it (navigation start to
 * DOMContentLoaded, and to first paint).
 *
 * The inputs are 20,000 Deployments in 400 files, each broken in one to three ways
 * (one replica, no probes, no resources, a mutable image tag), verified with every
 * registered rule for the prod preset; findings are real, from the rules.
 *
 * Run: npx tsx bench/html-report.ts   (offline; Chromium from CHROMIUM_PATH or /usr/bin/chromium)
 *      npx tsx bench/html-report.ts --detail-limit=0   (every finding one by one, no grouping per rule)
 *      npx tsx bench/html-report.ts --objects-per-rule=0   (grouped per rule, every object named)
 * Targets (recorded in BENCHMARKS.md, not asserted): the file under 5 MB; shown in under 2 s.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const OBJECTS = 20_000;
const PER_FILE = 50;
const RUNS = 5;
/** `--detail-limit=0` lists every finding one by one, to see what the per-rule grouping saves. */
const detailArg = process.argv.find((a) => a.startsWith('--detail-limit='))?.slice(15);
/** `--objects-per-rule=0` names every object under its rule instead of the first 100. */
const perRuleArg = process.argv.find((a) => a.startsWith('--objects-per-rule='))?.slice(19);

const { defineConfig } = await import('../src/config/load.js');
const { inventoryFromTexts } = await import('../src/inventory/sources/static-inventory.js');
const { verify } = await import('../src/rules/engine/verify.js');
const { loadRules } = await import('../src/rules/engine/load-rules.js');
const { renderReports } = await import('../src/report/index.js');

const env = defineConfig({
  project: 'adhoc',
  environments: { prod: { preset: 'prod', alarms: { email: ['oncall@adhoc.example.com'] } } },
}).environments.prod;
const rules = await loadRules();
const texts = [];
for (let f = 0; f < OBJECTS / PER_FILE; f++) {
  const docs = [];
  for (let i = 0; i < PER_FILE; i++) docs.push(deployment(f * PER_FILE + i));
  texts.push({ file: `apps/apps-${String(f).padStart(4, '0')}.yaml`, text: docs.join('---\n') });
}
const report = verify(inventoryFromTexts(texts), { env, rules, now: new Date('2026-12-01T00:00:00Z') });
const active = report.findings.filter((x) => !x.suppressed).length;

const renderMs: number[] = [];
let html = '';
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  html = await renderReports('html', [report], {
    color: false,
    toolVersion: 'bench',
    ...(detailArg !== undefined ? { htmlDetailLimit: Number(detailArg) } : {}),
    ...(perRuleArg !== undefined ? { htmlObjectsPerRule: Number(perRuleArg) } : {}),
  });
  renderMs.push(performance.now() - t0);
}
const dir = mkdtempSync(join(tmpdir(), 'slipway-bench-html-'));
try {
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const bytes = statSync(file).size;
  console.log(
    `${OBJECTS} objects, ${report.findings.length} findings (${active} that count) from ${rules.length} rules; HTML ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes; target < 5 MB)`,
  );
  console.log(`render in Node: median ${median(renderMs).toFixed(0)} ms over ${RUNS} runs`);
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!executablePath) {
    console.log('no Chromium found (CHROMIUM_PATH, /usr/bin/chromium): browser timings skipped');
  } else {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    const dcl: number[] = [];
    const paint: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.route(/^https?:/, (r) => r.abort());
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // The paint entry is there once the first frame is drawn: wait for it, a frame at a time.
        const t = await page.evaluate(
          `new Promise((resolve) => {
            const read = () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const fp = performance.getEntriesByType('paint').find((p) => p.name === 'first-paint');
              if (fp) resolve({ dcl: nav.domContentLoadedEventEnd, paint: fp.startTime });
              else requestAnimationFrame(read);
            };
            read();
          })`,
        );
        const timing = t as { dcl: number; paint: number };
        dcl.push(timing.dcl);
        paint.push(timing.paint);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    console.log(
      `Chromium (${executablePath}), ${RUNS} loads from file://: DOMContentLoaded median ${median(dcl).toFixed(0)} ms (${dcl.map((x) => x.toFixed(0)).join(' / ')}); first paint median ${median(paint).toFixed(0)} ms (${paint.map((x) => x.toFixed(0)).join(' / ')}); target < 2000 ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** A Deployment broken in one to three ways, so every object has findings. */
function deployment(i: number): string {
  const ns = `team-${i % 40}`;
  const probes = i % 3 !== 0;
  const resources = i % 2 === 0;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${ns}
  labels: { app.kubernetes.io/name: app-${i} }
spec:
  replicas: ${i % 5 === 0 ? 1 : 3}
  selector: { matchLabels: { app.kubernetes.io/name: app-${i} } }
  template:
    metadata:
      labels: { app.kubernetes.io/name: app-${i} }
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:${i % 4 === 0 ? 'latest' : '1.2.3'}
${probes ? '          readinessProbe: { httpGet: { path: /ready, port: 8080 } }\n          livenessProbe: { httpGet: { path: /live, port: 8080 } }\n' : ''}${resources ? '          resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }\n' : ''}`;
}
