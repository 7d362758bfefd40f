import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { defineConfig } from '../../src/config/load.js';
import { THRESHOLDS_ONLY_WAIVERS } from '../../src/config/presets.js';
import { renderReports } from '../../src/report/index.js';
import { verifyOutputSchema } from '../../src/report/json-schema.js';
import { errorReport, targetedReport } from '../../src/verify/fleet-report.js';
import { environmentsOfContexts, fleetExitCode } from '../../src/verify/run-fleet-verify.js';
import { sampleReport } from '../report/sample-report.js';
import { prodEnv } from '../rules/engine/test-rules.js';

const OPTS = { color: false, toolVersion: '0.0.0-test' };
const EU = { context: 'eu', cluster: 'shop-eu', server: 'https://eu.example:6443' };
const DOWN = { context: 'down', cluster: 'shop-down' };

function fleetReports() {
  return [targetedReport(sampleReport(), EU), errorReport(prodEnv(), DOWN, 'connect ECONNREFUSED 127.0.0.1:1', {})];
}

function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
  );
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('fleet reports', () => {
  it('a targeted report locates every finding in its context and cluster', () => {
    const r = targetedReport(sampleReport(), EU);
    expect(r.target).toEqual(EU);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(f.location).toMatchObject({ context: 'eu', cluster: 'shop-eu' });
  });

  it('JSON of a fleet with an unreadable cluster keeps to the report schema', async () => {
    const parsed = JSON.parse(await renderReports('json', fleetReports(), OPTS));
    expect(verifyOutputSchema.safeParse(parsed).success).toBe(true);
    expect(parsed[1]).toMatchObject({ summary: { result: 'error' }, error: 'connect ECONNREFUSED 127.0.0.1:1' });
  });

  it('SARIF of a fleet is valid 2.1.0, the unreadable cluster an unsuccessful invocation', async () => {
    const log = JSON.parse(await renderReports('sarif', fleetReports(), OPTS));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[1].invocations[0]).toMatchObject({ executionSuccessful: false });
    expect(log.runs[1].invocations[0].toolExecutionNotifications[0].message.text).toContain('context down');
  });

  it('JUnit counts the unreadable cluster as one error', async () => {
    const xml = await renderReports('junit', fleetReports(), OPTS);
    expect(xml).toMatch(/<testsuites [^>]*errors="1"/);
    expect(xml).toContain('<testsuite name="down (cluster shop-down, prod)" tests="1" failures="0" errors="1"');
  });

  it('exit code: 2 when a cluster failed even if another errored, 1 when one errored and none failed, else 0', () => {
    const run = (failed: boolean, errored: boolean) => ({ reports: [], nothingToVerify: [], failed, errored });
    expect(fleetExitCode(run(true, true))).toBe(2);
    expect(fleetExitCode(run(false, true))).toBe(1);
    expect(fleetExitCode(run(false, false))).toBe(0);
  });
});

describe('environments.<e>.contexts', () => {
  const config = defineConfig({
    project: 'shop',
    environments: {
      test: { preset: 'test', contexts: ['shop-test'] },
      prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS], contexts: ['prod-eu', 'prod-us'] },
    },
  });

  it('gives each context the environment that lists it, and the fallback to the rest', () => {
    const envs = environmentsOfContexts(config, ['prod-eu', 'shop-test', 'lab'], 'test');
    expect([...envs].map(([c, e]) => [c, e.name])).toEqual([
      ['prod-eu', 'prod'],
      ['shop-test', 'test'],
      ['lab', 'test'],
    ]);
  });

  it('names the contexts no environment judges when there is no fallback', () => {
    expect(() => environmentsOfContexts(config, ['prod-us', 'lab', 'kind'], undefined)).toThrow(
      'no environment judges contexts lab, kind: list them under environments.<env>.contexts in the config, or pass --env (one of: test, prod)',
    );
  });

  it('refuses a context listed by two environments, naming both', () => {
    const twice = () =>
      defineConfig({
        project: 'shop',
        environments: {
          test: { preset: 'test', contexts: ['shared'] },
          prod: { preset: 'prod', waivers: [...THRESHOLDS_ONLY_WAIVERS], contexts: ['shared'] },
        },
      });
    expect(twice).toThrow(ConfigError);
    expect(twice).toThrow('kubeconfig context "shared" is already listed under environments.test.contexts');
  });
});
