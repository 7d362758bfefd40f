import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { bundledExamplePath } from '../../src/config/load.js';
import { starterConfig } from '../../src/config/starter.js';

function validator() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(configJsonSchema());
}

describe('config JSON Schema', () => {
  const validate = validator();

  it('validates the bundled example', () => {
    const ok = validate(parse(readFileSync(bundledExamplePath(), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates the starter config written by init', () => {
    expect(validate(parse(starterConfig({ project: 'demo', region: 'eu-west-1' })))).toBe(true);
  });

  it('rejects an unknown key and a partial list item', () => {
    expect(validate({ project: 'x', environments: { test: { preset: 'test' } }, regoin: 'x' })).toBe(false);
    const partialGroup = {
      project: 'x',
      environments: { prod: { preset: 'prod', nodes: { groups: [{ name: 'a' }] } } },
    };
    expect(validate(partialGroup)).toBe(false);
  });

  it('allows any single setting to be overridden per environment', () => {
    expect(validate({ project: 'x', environments: { prod: { preset: 'prod', logs: { retentionDays: 60 } } } })).toBe(
      true,
    );
  });

  it('is the committed schema/slipway.config.schema.json (regenerate: slipway config schema > schema/slipway.config.schema.json)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/slipway.config.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(configJsonSchema());
  });
});
