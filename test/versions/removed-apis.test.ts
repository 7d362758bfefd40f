import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRemovedApiTable } from '../../src/versions/removed-api-schema.js';
import { REMOVED_APIS, REMOVED_APIS_SOURCE, removedApi } from '../../src/versions/removed-apis.js';

const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/versions/removed-apis.json'), 'utf8'));

describe('the removed-API table', () => {
  it('names its source and the date it was read', () => {
    const t = parseRemovedApiTable(raw);
    expect(t.source).toBe('https://kubernetes.io/docs/reference/using-api/deprecation-guide/');
    expect(t.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('ships valid: the table the rules read is the one the schema accepts', () => {
    const t = parseRemovedApiTable(raw);
    expect(REMOVED_APIS_SOURCE).toEqual({ source: t.source, retrieved: t.retrieved });
    expect(REMOVED_APIS.map(({ apiVersion, ...e }) => e)).toEqual(t.entries);
  });

  it.each(['group', 'version', 'kind', 'deprecatedIn', 'removedIn', 'replacement'])(
    'refuses an entry without %s, naming the entry and the field',
    (field) => {
      const broken = structuredClone(raw);
      delete broken.entries[3][field];
      expect(() => parseRemovedApiTable(broken)).toThrow(`entries.3.${field}`);
    },
  );

  it.each(['source', 'retrieved'])('refuses a table without %s', (field) => {
    const broken = structuredClone(raw);
    delete broken[field];
    expect(() => parseRemovedApiTable(broken)).toThrow(field);
  });

  it('holds every release with removals from 1.16 to 1.32, each removed after it was deprecated', () => {
    const releases = new Set(REMOVED_APIS.map((e) => e.removedIn));
    expect([...releases].sort()).toEqual(['1.16', '1.22', '1.25', '1.26', '1.27', '1.29', '1.32']);
    for (const e of REMOVED_APIS) {
      expect(Number(e.removedIn.split('.')[1])).toBeGreaterThan(Number(e.deprecatedIn.split('.')[1]));
    }
  });

  it('has one entry per group/version/kind', () => {
    const keys = REMOVED_APIS.map((e) => `${e.apiVersion} ${e.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds an object by apiVersion and kind, and not a served pair', () => {
    expect(removedApi('policy/v1beta1', 'PodDisruptionBudget')?.replacement).toBe('policy/v1');
    expect(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema')?.removedIn).toBe('1.32');
    expect(removedApi('policy/v1', 'PodDisruptionBudget')).toBeUndefined();
    expect(removedApi('extensions/v1beta1', 'Deployment')?.removedIn).toBe('1.16');
  });
});
