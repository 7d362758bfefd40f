/**
 * The screenshot in docs/verify.md: the HTML report of the bundled example's prod
 * environment (synthesized in memory, every registered rule), drawn by headless
 * Chromium at 1280 px wide, the top of the page.
 *
 * Run: npx tsx bench/html-screenshot.ts   (offline; writes docs/img/verify-html-report.png)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'docs', 'img', 'verify-html-report.png');

const { bundledExamplePath, loadConfig } = await import('../src/config/load.js');
const { inventoryFromTexts } = await import('../src/inventory/sources/static-inventory.js');
const { synthesizeForVerify } = await import('../src/inventory/sources/synth.js');
const { verify } = await import('../src/rules/engine/verify.js');
const { RULES } = await import('../src/rules/registry.js');
const { renderReports } = await import('../src/report/index.js');

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!executablePath) throw new Error('no Chromium found at CHROMIUM_PATH or /usr/bin/chromium; install chromium');
const env = (await loadConfig(bundledExamplePath())).environments.prod;
const report = verify(inventoryFromTexts(await synthesizeForVerify(env)), { env, rules: RULES });
const html = await renderReports('html', [report], { color: false, toolVersion: 'example' });

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  await page.route('**/*', (r) => r.abort());
  await page.setContent(html, { waitUntil: 'load' });
  mkdirSync(dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
}
