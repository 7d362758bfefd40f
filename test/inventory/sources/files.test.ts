import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/inventory/sources/files.js';
import { inventoryFromPaths } from '../../../src/inventory/sources/static-inventory.js';
import { InputFileError } from '../../../src/util/text-file.js';

let dir: string;
const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slipway-files-'));
  await mkdir(join(dir, 'k8s', 'nested'), { recursive: true });
  await mkdir(join(dir, 'k8s', '.git'), { recursive: true });
  await writeFile(join(dir, 'k8s', 'a.yaml'), ns('a'));
  await writeFile(join(dir, 'k8s', 'nested', 'b.yml'), ns('b'));
  await writeFile(
    join(dir, 'k8s', 'nested', 'c.json'),
    JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'c' } }),
  );
  await writeFile(join(dir, 'k8s', 'README.md'), '# not read');
  await writeFile(join(dir, 'k8s', '.git', 'x.yaml'), ns('hidden'));
  await writeFile(join(dir, 'k8s', 'binary.yaml'), Buffer.from([0x61, 0x00, 0x62]));
  await writeFile(join(dir, 'big.yaml'), `${ns('big')}#${'x'.repeat(2048)}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading paths', () => {
  it('walks directories recursively in a stable order, reading only YAML and JSON, skipping hidden folders', async () => {
    const inv = await inventoryFromPaths(['k8s'], { cwd: dir });
    expect(inv.kube().map((r) => r.object.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(inv.kube()[1].source.file).toBe(join('k8s', 'nested', 'b.yml'));
  });

  it('reports a binary file as a problem and reads the rest', async () => {
    const inv = await inventoryFromPaths(['k8s'], { cwd: dir });
    expect(inv.problems).toEqual([{ file: join('k8s', 'binary.yaml'), message: expect.stringMatching(/binary/) }]);
  });

  it('refuses a file over the size limit with a clear problem', async () => {
    const { problems } = await readInputs(['big.yaml'], { cwd: dir, maxFileBytes: 1024 });
    expect(problems[0].message).toMatch(/larger than the 1\.0 KiB allowed/);
  });

  it('reads standard input for "-"', async () => {
    const inv = await inventoryFromPaths(['-'], { cwd: dir, readStdin: async () => ns('from-stdin') });
    expect(inv.kube()[0].source).toMatchObject({ file: '<stdin>', line: 1 });
  });

  it('fails on a path that does not exist', async () => {
    await expect(inventoryFromPaths(['missing.yaml'], { cwd: dir })).rejects.toThrow(InputFileError);
  });
});
