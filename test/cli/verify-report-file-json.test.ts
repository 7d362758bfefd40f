import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { VerifyReport } from '../../src/rules/engine/types.js';
import { runCli } from '../support/cli.js';
import { DEPLOYMENTS_FILE, manyDeploymentsProject } from '../support/many-deployments.js';

/** The reports each call of renderJsonReportChunks was given, and the chunks it handed out. */
const rendered = vi.hoisted(() => ({ reports: [] as (readonly VerifyReport[])[], chunks: [] as number[] }));

vi.mock('../../src/report/json.js', async (importOriginal) => {
  const json = await importOriginal<typeof import('../../src/report/json.js')>();
  return {
    ...json,
    *renderJsonReportChunks(reports: readonly VerifyReport[]) {
      rendered.reports.push(reports);
      let count = 0;
      for (const chunk of json.renderJsonReportChunks(reports)) {
        count++;
        yield chunk;
      }
      rendered.chunks.push(count);
    },
  };
});

describe('verify --report-file <file>.json', () => {
  it('writes, chunk by chunk, the very bytes the one-string renderJsonReport gives', async () => {
    const { renderJsonReport } = await import('../../src/report/json.js');
    // 250 Deployments: a report of about 3 MB, several 1 MB chunks.
    const dir = manyDeploymentsProject(250);
    const r = await runCli(['verify', DEPLOYMENTS_FILE, '-q', '--report-file', 'r.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(rendered.reports).toHaveLength(1);
    expect(rendered.chunks[0]).toBeGreaterThan(2);
    const written = readFileSync(join(dir, 'r.json'));
    const previous = renderJsonReport(rendered.reports[0]);
    expect(written.equals(Buffer.from(previous, 'utf8'))).toBe(true);
    expect(previous).toBe(`${JSON.stringify(rendered.reports[0][0], null, 2)}\n`);
  });
});
