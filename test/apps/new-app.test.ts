import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addAppToConfigText, NEW_APP_PATTERNS } from '../../src/apps/new-app.js';
import { bundledExamplePath, parseConfig } from '../../src/config/load.js';

const example = readFileSync(bundledExamplePath(), 'utf8');
const minimal = 'project: demo\n# environments follow\nenvironments:\n  test: { preset: test }   # aligned comment\n';

describe('app new (adding an app to the config text)', () => {
  it('appends to apps: and leaves every existing byte in place', () => {
    const out = addAppToConfigText(example, { name: 'search', pattern: 'web', tier: 'backend' });
    expect(out.startsWith(example.trimEnd())).toBe(true);
    expect(out.slice(example.trimEnd().length)).toMatch(
      /^\n {2}# search: web app[^\n]*\n {2}- name: search\n {4}pattern: web\n {4}tier: backend\n/,
    );
    const config = parseConfig(out);
    expect(config.environments.prod.apps.map((a) => a.name)).toContain('search');
  });

  it.each(NEW_APP_PATTERNS)('writes a %s entry that loads and synthesizes', async (pattern) => {
    const out = addAppToConfigText(minimal, { name: 'thing', pattern });
    expect(out.startsWith(minimal)).toBe(true);
    expect(out).toMatch(/# thing: .* app \(added by slipway app new/);
    const env = parseConfig(out).environments.test;
    expect(env.apps[0]).toMatchObject({ name: 'thing', pattern });
    const { synthesizeApps } = await import('../../src/apps/synth.js');
    expect(synthesizeApps(env).files.has('thing/kustomization.yaml')).toBe(true);
  });

  it('replaces an empty apps: [] and keeps what follows', () => {
    const out = addAppToConfigText(`${minimal}apps: []\n# tail\n`, { name: 'job', pattern: 'cron' });
    expect(out).toMatch(/apps:\n {2}# job: cron app[^\n]*\n {2}- name: job/);
    expect(out.endsWith('# tail\n')).toBe(true);
    expect(parseConfig(out).environments.test.apps).toHaveLength(1);
  });

  it('refuses a duplicate name, a bad name, an unknown pattern or tier', () => {
    expect(() => addAppToConfigText(example, { name: 'api', pattern: 'web' })).toThrow(/already exists/);
    expect(() => addAppToConfigText(example, { name: 'Bad_Name', pattern: 'web' })).toThrow(/not allowed/);
    expect(() => addAppToConfigText(example, { name: 'x', pattern: 'lambda' as 'web' })).toThrow(/not a pattern/);
    expect(() => addAppToConfigText(example, { name: 'x', pattern: 'web', tier: 'edge' })).toThrow(/not a tier/);
  });
});
