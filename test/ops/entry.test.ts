import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops.js';
import { startBadMorningServer } from '../support/bad-morning-live.js';
import {
  badMorningKube,
  doctorInput,
  imagesInput,
  logsInput,
  secretsInput,
  statusInput,
} from '../support/ops-fixtures.js';

describe('slipway/ops', () => {
  it('exposes each day-2 analysis with its renderer, and each renders what the analysis returns', () => {
    const texts = [
      ops.renderStatusTable(ops.clusterStatus(statusInput()), { color: false }),
      ops.renderDoctorTable(ops.doctor(doctorInput({ kind: 'Deployment', name: 'checkout', namespace: 'shop' })), {
        color: false,
      }),
      ops.renderSecretsTable(ops.secretsStatus(secretsInput()), { color: false }),
      ops.renderImagesTable(ops.imagesReport(imagesInput()), { color: false }),
      ops.renderLogsTable(ops.logsReport(logsInput()), { color: false }),
    ];
    for (const t of texts) expect(t).toContain('Problems (');
    expect(Object.keys(ops.STATUS_DEFAULTS).sort()).toEqual([
      'allocationWarnPercent',
      'maxEventGroups',
      'maxKubeletMinorsBehind',
      'recentEventsSeconds',
    ]);
    expect(ops.parseDoctorTarget('sts/postgres', 'data')).toEqual({
      target: { kind: 'StatefulSet', name: 'postgres', namespace: 'data' },
    });
  });
});

describe('slipway/ops gatherers', () => {
  it('reads a cluster through the entry alone: connectLive → gatherStatus → clusterStatus', async () => {
    const server = await startBadMorningServer();
    try {
      const conn = await ops.connectLive({ kubeconfig: server.kubeconfigPath, aws: false });
      const report = ops.clusterStatus(await ops.gatherStatus(conn, { now: badMorningKube().now }));
      expect(report.problems.map((p) => p.code)).toContain('node.not-ready');
      expect(Object.keys(report.unknown).sort()).toEqual([...ops.STATUS_AWS_PARTS].sort());
    } finally {
      await server.close();
    }
    for (const fn of [ops.gatherDoctor, ops.gatherSecrets, ops.gatherImages, ops.gatherLogs])
      expect(fn).toBeTypeOf('function');
  });
});
