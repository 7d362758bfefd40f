import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/inventory/sources/files.js';
import { inventoryFromPaths } from '../../../src/inventory/sources/static-inventory.js';
import { InputFileError, readLimited } from '../../../src/util/text-file.js';

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

  it('follows symbolic links to files and directories, and reads a link loop once', async () => {
    const base = join(dir, 'linked');
    await mkdir(join(base, 'vendor-real'), { recursive: true });
    await writeFile(join(base, 'vendor-real', 'd.yaml'), ns('d'));
    await mkdir(join(base, 'app'), { recursive: true });
    await symlink(join(base, 'vendor-real'), join(base, 'app', 'vendor'));
    await symlink(join(base, 'vendor-real', 'd.yaml'), join(base, 'app', 'd-link.yaml'));
    await symlink(join(base, 'app'), join(base, 'app', 'loop'));
    const inv = await inventoryFromPaths([join('linked', 'app')], { cwd: dir });
    expect(inv.kube().map((r) => r.object.metadata.name)).toEqual(['d']);
    expect(inv.problems).toEqual([]);
  });

  it('refuses a FIFO instead of blocking on it', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const { problems } = await readInputs([fifo], { cwd: dir });
    expect(problems[0].message).toMatch(/FIFO.*not a regular file/);
  });

  it('refuses /dev/zero as a path', async () => {
    const { problems } = await readInputs(['/dev/zero'], { cwd: dir });
    expect(problems[0].message).toMatch(/device, not a regular file/);
  });

  it('stops reading standard input once it passes the size limit', async () => {
    const limit = 64 * 1024;
    const inv = await inventoryFromPaths(['-'], {
      cwd: dir,
      maxFileBytes: limit,
      readStdin: (max) => readLimited(createReadStream('/dev/zero'), max, '<stdin>'),
    });
    expect(inv.problems[0]).toMatchObject({
      file: '<stdin>',
      message: expect.stringMatching(/larger than the 64\.0 KiB/),
    });
  });
});
