import * as jsYaml from 'js-yaml';
import { CORE_SCHEMA, load, type Type } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { MANIFEST_SCHEMA } from '../../../src/inventory/sources/yaml-schema.js';

/** What the manifest schema must read exactly like: js-yaml's core schema with merge keys. */
const REFERENCE = CORE_SCHEMA.extend([(jsYaml as unknown as { types: { merge: Type } }).types.merge]);

const SCALARS = [
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'none',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '0',
  '7',
  '-7',
  '+7',
  '007',
  '0b101',
  '0x1F',
  '0o17',
  '1_000',
  '1.5',
  '-1.5e3',
  '.5',
  '1.',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '2025-01-01',
  '2025-01-01T10:00:00Z',
  '1Gi',
  '250m',
  '0.5',
  '3.0.1',
  'app-1',
  'Deployment',
  'apps/v1',
  'http://example.com:8080',
  '-flag',
  '+x',
  '.hidden',
  'falsey',
  'nullable',
  'tilde~',
  '"quoted 1"',
  "'true'",
  '!!str 12',
  '!!int "12"',
  '!!float "1"',
  '!!bool "true"',
  '!!null ""',
];

/** The value read, or the reason it could not be (both schemas must refuse the same input the same way). */
function outcome(text: string, schema: typeof REFERENCE): unknown {
  try {
    return { value: load(text, { schema }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the manifest schema', () => {
  it('reads every plain, quoted and explicitly tagged scalar as the core schema does', () => {
    for (const s of SCALARS) {
      const text = `value: ${s}\nlist: [${s}]\n`;
      expect(outcome(text, MANIFEST_SCHEMA), s).toEqual(outcome(text, REFERENCE));
    }
  });

  it('keeps dates as strings, as Kubernetes reads them', () => {
    expect(load('at: 2025-01-01', { schema: MANIFEST_SCHEMA })).toEqual({ at: '2025-01-01' });
  });

  it('still merges `<<` keys and reads CloudFormation short-form tags', () => {
    const text = 'base: &b\n  a: 1\nchild:\n  <<: *b\n  b: 2\nref: !Ref Bucket\nname: !Sub "bucket-x"\n';
    expect(load(text, { schema: MANIFEST_SCHEMA })).toEqual({
      base: { a: 1 },
      child: { a: 1, b: 2 },
      ref: { Ref: 'Bucket' },
      name: { 'Fn::Sub': 'bucket-x' },
    });
  });
});
