import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.js';
import { chromiumPath, NO_CHROMIUM } from '../support/chromium.js';
import { sampleReport } from './sample-report.js';

const executablePath = chromiumPath();
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** A page holding the report, with every network request recorded and refused, and console errors collected. */
async function open(browser: Browser, html: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

const visibleRowGroups = (page: Page) => page.locator('#findings tbody:visible th[scope=rowgroup]').allTextContents();

describe.skipIf(!executablePath)(`HTML report in Chromium${executablePath ? '' : ` (${NO_CHROMIUM})`}`, () => {
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    html = await renderReports('html', [sampleReport()], { color: false, toolVersion: '0.0.0-test' });
  });
  afterAll(async () => browser?.close());

  it('shows the category headings and the failing objects, makes no request and logs no error; keeps a screenshot', async () => {
    const { page, requests, errors, close } = await open(browser, html);
    for (const name of ['infrastructure', 'security', 'reliability', 'observability', 'operations'])
      await expect(page.getByRole('heading', { name, exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'reliability (2 fail)' }).isVisible()).resolves.toBe(true);
    expect(await visibleRowGroups(page)).toEqual([
      'AWS::EKS::Nodegroup *',
      'Rule observability.broken',
      'Deployment shop/web',
      'Deployment shop/web (container web)',
      'File k8s/shop.yaml',
    ]);
    const failing = await page.locator('#findings tr[data-f-status=fail]').count();
    expect(failing).toBe(3);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('filters by typed text and by status, and says how many findings are shown', async () => {
    const { page, errors, close } = await open(browser, html);
    await page.getByLabel('Text (object, rule, message)').fill('readiness');
    expect(await visibleRowGroups(page)).toEqual(['Deployment shop/web (container web)']);
    await expect(page.locator('#filter-count').textContent()).resolves.toBe('1 of 5 findings shown');
    await expect(page.getByRole('heading', { name: 'infrastructure (1 unknown)' }).isVisible()).resolves.toBe(false);
    await page.getByLabel('Text (object, rule, message)').fill('');
    await page.locator('#filter-status').selectOption('unknown');
    expect(await visibleRowGroups(page)).toEqual(['AWS::EKS::Nodegroup *', 'Rule observability.broken']);
    await page.locator('#filter-category').selectOption('observability');
    expect(await visibleRowGroups(page)).toEqual(['Rule observability.broken']);
    await page.getByRole('button', { name: 'Clear' }).click();
    // Polled from the test side: the page's CSP forbids the eval a string predicate needs in the page.
    await expect.poll(() => page.locator('#findings tr[hidden]').count()).toBe(0);
    expect(await visibleRowGroups(page)).toHaveLength(5);
    expect(errors).toEqual([]);
    await close();
  });

  it('sorts a table by a column when its header button is pressed', async () => {
    const { page, close } = await open(browser, html);
    const verdicts = () => page.locator('#checklist tbody tr td:nth-child(3)').allTextContents();
    await page.locator('#checklist').getByRole('button', { name: 'Sort by Verdict' }).click();
    const sorted = await verdicts();
    expect(sorted.slice(0, 2)).toEqual(['✗ FAIL', '✗ FAIL']);
    expect(sorted.at(-1)).toBe('? UNKNOWN');
    await close();
  });

  it('for a fleet: one row per cluster, and the cluster and environment filters narrow the findings', async () => {
    const live = (env: string, cluster: string) => {
      const r = sampleReport();
      return {
        ...r,
        environment: { ...r.environment, name: env, cluster },
        summary: { ...r.summary, mode: 'live' as const },
        findings: r.findings.map((f) => ({ ...f, location: { cluster } })),
      };
    };
    const fleet = await renderReports('html', [live('prod', 'eks-a'), live('test', 'eks-b')], {
      color: false,
      toolVersion: '0.0.0-test',
    });
    const { page, errors, close } = await open(browser, fleet);
    await expect(page.locator('#fleet tbody tr').allTextContents()).resolves.toHaveLength(2);
    const shownClusters = () => page.locator('#findings tr[data-f-cluster]:visible td:nth-child(5)').allTextContents();
    expect(new Set(await shownClusters())).toEqual(new Set(['eks-a', 'eks-b']));
    await page.locator('#filter-cluster').selectOption('eks-b');
    expect(new Set(await shownClusters())).toEqual(new Set(['eks-b']));
    await page.locator('#filter-cluster').selectOption('');
    await page.locator('#filter-env').selectOption('prod');
    expect(new Set(await shownClusters())).toEqual(new Set(['eks-a']));
    await expect(page.locator('#checklist [data-f-env=test]').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('reads without JavaScript: every finding shown, the filter form hidden', async () => {
    const { page, requests, close } = await open(browser, html, false);
    expect(await visibleRowGroups(page)).toHaveLength(5);
    await expect(page.locator('form[data-filters]').isVisible()).resolves.toBe(false);
    await expect(page.locator('#checklist th[data-sort] button').count()).resolves.toBe(0);
    expect(requests).toEqual([]);
    await close();
  });
});
