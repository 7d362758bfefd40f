import { describe, expect, it } from 'vitest';
import { listAll } from '../../src/kube/list-all.js';
import type { KubeListOptions, KubeListPage, KubeReader } from '../../src/kube/reader.js';
import type { KubeObject } from '../../src/kube/types.js';

/** A reader over three pages of one kind that logs each request and each page handed over. */
function pagedReader(log: string[]): KubeReader {
  const pages: Record<string, KubeListPage> = {
    first: { items: [{ metadata: { name: 'a' } } as KubeObject], continue: 't1' },
    t1: { items: [{ metadata: { name: 'b' } } as KubeObject], continue: 't2' },
    t2: { items: [{ metadata: { name: 'c' } } as KubeObject] },
  };
  return {
    context: 'fake',
    list: async (_kind: string, options: KubeListOptions = {}) => {
      log.push(`request ${options.continue ?? 'first'}`);
      return pages[options.continue ?? 'first'];
    },
  } as unknown as KubeReader;
}

describe('listAll', () => {
  it('asks for the next page before it hands the current one over, and delivers every page in order', async () => {
    const log: string[] = [];
    await listAll(pagedReader(log), 'Pod', {
      onPage: (items) => log.push(`page ${items.map((o) => o.metadata.name).join()}`),
    });
    expect(log).toEqual(['request first', 'request t1', 'page a', 'request t2', 'page b', 'page c']);
  });

  it('stops after the page asked for ahead when the caller fails on a page, with the caller’s error', async () => {
    const log: string[] = [];
    await expect(
      listAll(pagedReader(log), 'Pod', {
        onPage: () => {
          throw new Error('caller failed');
        },
      }),
    ).rejects.toThrow('caller failed');
    expect(log).toEqual(['request first', 'request t1']);
  });
});
