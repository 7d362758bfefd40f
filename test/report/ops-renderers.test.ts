import { describe, expect, it } from 'vitest';
import { analyzeCost } from '../../src/ops/cost/analyze.js';
import { drReport } from '../../src/ops/dr/report.js';
import { staticDrFacts } from '../../src/ops/dr/static-facts.js';
import { known } from '../../src/ops/facts.js';
import { planUpgrade } from '../../src/ops/upgrade/plan.js';
import { costMarkdown, costText } from '../../src/report/ops/cost.js';
import { drMarkdown, drText } from '../../src/report/ops/dr.js';
import { upgradeMarkdown, upgradeText } from '../../src/report/ops/upgrade.js';
import { container, facts, params, volume } from '../ops/cost/fixtures.js';
import { ENVS, inventory } from '../rules/helpers.js';

const cost = analyzeCost(
  facts({
    containers: [container()],
    volumes: [volume({ claim: 'old', storageClass: 'gp2', volumeType: known('gp2'), sizeGi: 100 })],
  }),
  params,
);

const plan = planUpgrade(
  {
    environment: 'prod',
    clusterName: 'shop-prod',
    region: 'us-east-1',
    current: '1.33',
    nodeGroups: ['on-demand'],
    objects: [{ apiVersion: 'batch/v1beta1', kind: 'CronJob', name: 'report', namespace: 'shop' }],
    pdbs: [],
    workloads: [],
    kubelets: { state: 'unknown', reason: 'kubelet versions need the live cluster' },
    controlPlaneSubnets: { state: 'unknown', reason: 'needs the AWS account' },
    addons: ['coredns'],
    charts: [],
  },
  { isInstalled: () => true },
);

describe('cost renderers', () => {
  it('prints the item with its saving, the total and what is not known', () => {
    const text = costText(cost);
    expect(text).toContain('storage  storage.gp2  PersistentVolumeClaim/shop/old  100 GiB gp2 volume (class gp2)');
    expect(text).toContain('2.00 USD');
    expect(text).toContain('Estimated saving: 2.00 USD a month');
    expect(text).toContain('  usage: usage needs the live cluster');
  });

  it('writes markdown tables with the same figures', () => {
    const md = costMarkdown(cost);
    expect(md).toContain('| storage | storage.gp2 | PersistentVolumeClaim/shop/old |');
    expect(md).toContain('**Estimated saving: 2.00 USD a month.**');
    expect(md).toContain('- usage: usage needs the live cluster');
  });
});

describe('upgrade renderers', () => {
  it('says the plan is blocked and numbers the playbook steps across phases', () => {
    const text = upgradeText(plan);
    expect(text).toContain('BLOCKED: 1 blocker(s) to fix before upgrading');
    expect(text).toContain('critical  upgrade.removed-api  CronJob/shop/report');
    expect(text).toMatch(/ {2}control plane\n {4}\d+\. Upgrade the control plane of shop-prod to 1\.34/);
  });

  it('writes the playbook as markdown with one heading per phase and shell blocks', () => {
    const md = upgradeMarkdown(plan);
    expect(md.match(/^## (Prepare|Control plane|Add-ons|Node groups|Verify)$/gm)).toEqual([
      '## Prepare',
      '## Control plane',
      '## Add-ons',
      '## Node groups',
      '## Verify',
    ]);
    expect(md).toContain(
      '   ```sh\n   aws eks update-cluster-version --name shop-prod --kubernetes-version 1.34 --region us-east-1\n   ```',
    );
  });
});

describe('dr renderers', () => {
  const report = drReport(staticDrFacts(ENVS.prod, inventory({ kube: [] })));

  it('prints the counts, the scenarios and why coverage is unknown', () => {
    const text = drText(report);
    expect(text).toContain('0 covered, 0 not covered, 0 unknown; backups daily');
    expect(text).toContain('  - The cluster is lost');
    expect(text).toContain('  plans: no CloudFormation template among the sources');
  });

  it('writes every scenario as markdown steps', () => {
    const md = drMarkdown(report);
    expect(md).toContain('## A secret is deleted in Secrets Manager');
    expect(md).toContain(`aws eks update-kubeconfig --name ${ENVS.prod.clusterName} --region ${ENVS.prod.region}`);
  });
});
