import { describe, expect, it } from 'vitest';
import type { EcrRepositoryFact } from '../../src/ops/common/aws-facts.js';
import { opsExitCode } from '../../src/ops/exit-code.js';
import { known, unknownFact } from '../../src/ops/facts.js';
import { imagesReport } from '../../src/ops/images/images.js';
import { registryMatches } from '../../src/ops/images/running.js';
import { renderImagesTable } from '../../src/report/ops/images.js';
import { expectGolden } from '../support/golden.js';
import { badMorningAws, ECR_REGISTRY, imagesInput } from '../support/ops-fixtures.js';

const problemIds = (r: ReturnType<typeof imagesReport>) =>
  r.problems.map((p) => `${p.code} ${p.object.namespace}/${p.object.name}`).sort();

describe('images on the bad-morning cluster', () => {
  const report = imagesReport(imagesInput());

  it('lists each running image once with the workloads and digests that run it, leaving finished pods out', () => {
    const checkout = report.images.filter((i) => i.repository === 'checkout');
    expect(checkout.map((i) => `${i.tag} ${i.pods}`)).toEqual(['3.1.4 2', '3.2.0 1']);
    expect(checkout[0].workloads).toEqual([
      { namespace: 'shop', kind: 'Deployment', name: 'checkout', containers: ['app'] },
    ]);
    expect(report.images.some((i) => i.repository === 'report')).toBe(false);
  });

  it('joins ECR: tag present, pushed at, scan status and finding counts of the running digest', () => {
    const ledger = report.images.find((i) => i.repository === 'ledger');
    expect(ledger?.ecr).toMatchObject({
      state: 'found',
      tagMutability: 'MUTABLE',
      pushedAt: '2026-12-02T21:45:00Z',
      digestMatch: false,
      scan: { status: 'COMPLETE', findingCounts: { CRITICAL: 3, HIGH: 9 } },
    });
    expect(ledger?.ecr?.scan?.criticalIds).toEqual(['CVE-2024-3094', 'CVE-2024-6387', 'CVE-2025-32463']);
  });

  it('names critical findings, the missing tag, the moved digest, the foreign registry and the mutable tag in prod', () => {
    expect(problemIds(report)).toEqual([
      'image.critical-findings payments/ledger',
      'image.digest-moved payments/ledger',
      'image.mutable-tag payments/ledger',
      'image.outside-registries data/postgres',
      'image.tag-not-found web/frontend',
    ]);
    expect(opsExitCode(report.problems, report.unknown)).toBe(2);
  });

  it('accepts the EKS add-on registry by pattern and judges no ECR side for it', () => {
    const ebs = report.images.find((i) => i.repository === 'eks/aws-ebs-csi-driver');
    expect(ebs?.allowedRegistry).toBe(true);
    expect(ebs?.ecr).toBeUndefined();
    expect(
      registryMatches('602401143452.dkr.ecr.us-east-1.amazonaws.com', '602401143452.dkr.ecr.*.amazonaws.com'),
    ).toBe(true);
    expect(registryMatches('602401143452.dkr.ecr.evil.example.com', '602401143452.dkr.ecr.*.amazonaws.com')).toBe(
      false,
    );
  });

  it('follows the finding thresholds: high findings above maxHigh, critical allowed up to maxCritical', () => {
    const strict = imagesReport(imagesInput(), { maxHigh: 1 });
    expect(problemIds(strict)).toContain('image.high-findings shop/checkout');
    const lenient = imagesReport(imagesInput(), { maxCritical: 5 });
    expect(problemIds(lenient)).not.toContain('image.critical-findings payments/ledger');
  });

  it('does not call mutable tags a problem outside production', () => {
    const r = imagesReport(
      imagesInput({ environment: { name: 'test', production: false, registries: [ECR_REGISTRY] } }),
    );
    expect(problemIds(r).some((id) => id.startsWith('image.mutable-tag'))).toBe(false);
  });

  it('names an image never scanned and a repository that does not exist', () => {
    const ecr = (badMorningAws().ecr as EcrRepositoryFact[])
      .map((repo) =>
        repo.name === 'cart' && repo.exists
          ? { ...repo, scanOnPush: false, images: repo.images.map((i) => ({ ...i, scan: undefined })) }
          : repo,
      )
      .filter((repo) => repo.name !== 'search')
      .concat([{ registry: ECR_REGISTRY, name: 'search', exists: false }]);
    const r = imagesReport(imagesInput({ ecr: known(ecr) }));
    const notScanned = r.problems.find((p) => p.code === 'image.not-scanned');
    expect(notScanned?.object.name).toBe('cart');
    expect(notScanned?.cause).toContain('scan on push is off');
    expect(problemIds(r)).toContain('image.repository-missing shop/search');
  });

  it('marks the ECR side unknown when ECR cannot be read, and exits 1', () => {
    const r = imagesReport(imagesInput({ ecr: unknownFact('AccessDeniedException: ecr:DescribeImages') }));
    expect(r.images.find((i) => i.repository === 'ledger')?.ecr).toEqual({
      state: 'unknown',
      reason: 'AccessDeniedException: ecr:DescribeImages',
    });
    expect(r.problems.some((p) => p.code === 'image.critical-findings')).toBe(false);
    expect(opsExitCode(r.problems, r.unknown)).toBe(1);
  });

  it('is plain data and renders the terminal table (golden)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expectGolden('ops/images.txt', renderImagesTable(report, { color: false }));
  });
});
