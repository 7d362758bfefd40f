import { describe, expect, it } from 'vitest';
import { signatureOf } from '../../src/ops/common/log-lines.js';
import { opsExitCode } from '../../src/ops/exit-code.js';
import { known, unknownFact } from '../../src/ops/facts.js';
import { parseLogEvent, workloadOfPodName } from '../../src/ops/logs/container-insights.js';
import { logsReport } from '../../src/ops/logs/logs.js';
import { renderLogsTable } from '../../src/report/ops/logs.js';
import { expectGolden } from '../support/golden.js';
import { logsInput } from '../support/ops-fixtures.js';

describe('log line signatures', () => {
  it('gives the same signature to the same message from different requests', () => {
    const a = signatureOf(
      '2026-12-03T08:12:04.551Z ERROR timeout after 3000ms order=88121 request_id=7f9c2a1e-4b3d-4e5f-9a8b-1c2d3e4f5a6b',
    );
    const b = signatureOf(
      '2026-12-03T08:31:40.017Z ERROR timeout after 3012ms order=88304 request_id=0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    );
    expect(a).toBe(b);
    expect(a).toBe('ERROR timeout after <n>ms order=<n> request_id=<id>');
  });

  it('normalises addresses and long hex ids but keeps words', () => {
    expect(signatureOf('connect ECONNREFUSED 10.0.14.9:6379 trace=9f86d081884c7d65')).toBe(
      'connect ECONNREFUSED <ip> trace=<hex>',
    );
    expect(signatureOf('decoded facade')).toBe('decoded facade');
  });

  it('reads Container Insights JSON events and plain lines', () => {
    const e = parseLogEvent(
      '{"log":"boom\\n","kubernetes":{"pod_name":"checkout-5c6b7d8f9a-abcde","namespace_name":"shop","container_name":"app"}}',
    );
    expect(e).toEqual({ text: 'boom', namespace: 'shop', pod: 'checkout-5c6b7d8f9a-abcde', container: 'app' });
    expect(parseLogEvent('plain ERROR line')).toEqual({ text: 'plain ERROR line' });
    expect(workloadOfPodName('checkout-5c6b7d8f9a-abcde')).toBe('checkout');
    expect(workloadOfPodName('postgres-0')).toBe('postgres');
  });
});

describe('logs of checkout on the bad-morning cluster', () => {
  const report = logsReport(logsInput());

  it('lists the app pods and keeps the previous log tail only for the container that crashed', () => {
    expect(report.pods.map((p) => p.name)).toEqual([
      'checkout-5c6b7d8f9a-abcde',
      'checkout-5c6b7d8f9a-fghij',
      'checkout-7d9f8b6c5d-x2k4p',
    ]);
    const crashed = report.pods[2].containers[0];
    expect(crashed.state).toBe('waiting: CrashLoopBackOff');
    expect(crashed.previous && 'errorLines' in crashed.previous ? crashed.previous.errorLines : []).toHaveLength(2);
    expect(report.pods[0].containers[0].previous).toBeUndefined();
  });

  it('names the crash with the error from the previous log, not the exit notice', () => {
    const p = report.problems.find((x) => x.code === 'logs.crash-loop');
    expect(p?.object.name).toBe('checkout-7d9f8b6c5d-x2k4p');
    expect(p?.cause).toContain('PAYMENT_API_URL must be set');
  });

  it('groups error lines of the window by signature with counts, leaving the line older than an hour out', () => {
    expect(report.errors.groups.map((g) => `${g.count} ${g.signature}`)).toEqual([
      '3 ERROR payment gateway timeout after <n>ms order=<n> request_id=<id>',
      '2 ERROR config: PAYMENT_API_URL must be set',
      '1 ERROR db pool exhausted: <n>/<n> connections in use, waited <n>ms host=<ip>',
    ]);
    expect(report.errors.outsideWindow).toBe(1);
    expect(report.errors.groups[0].pods).toEqual(['checkout-5c6b7d8f9a-abcde', 'checkout-5c6b7d8f9a-fghij']);
    expect(report.errors.groups[0].latest).toContain('order=88517');
  });

  it('widens the window on request: the older line joins', () => {
    const r = logsReport(logsInput({ sinceSeconds: 2 * 3600 }));
    expect(r.errors.outsideWindow).toBe(0);
    expect(r.errors.groups.some((g) => g.signature.startsWith('ERROR redis connection refused'))).toBe(true);
  });

  it('flags the log group kept forever and a burst of one signature at the burst threshold', () => {
    expect(report.problems.filter((p) => p.code === 'log-group.retention').map((p) => p.object.name)).toEqual([
      '/aws/containerinsights/prod-eks/dataplane',
    ]);
    const r = logsReport(logsInput(), { burstCount: 3 });
    expect(r.problems.filter((p) => p.code === 'logs.error-burst').map((p) => p.what)).toHaveLength(1);
  });

  it('marks CloudWatch unknown when it cannot be read and still shows the pods (exit 1)', () => {
    const r = logsReport(
      logsInput({
        errorEvents: unknownFact('AccessDeniedException: logs:FilterLogEvents'),
        logGroups: unknownFact('AccessDeniedException: logs:DescribeLogGroups'),
      }),
    );
    expect(r.pods).toHaveLength(3);
    expect(Object.keys(r.unknown).sort()).toEqual(['errorEvents', 'logGroups']);
    expect(opsExitCode(r.problems, r.unknown)).toBe(1);
  });

  it('says the previous log is unknown when it could not be read', () => {
    const r = logsReport(
      logsInput({ previousLogs: { 'shop/checkout-7d9f8b6c5d-x2k4p/app': unknownFact('pods/log is forbidden (403)') } }),
    );
    expect(r.pods[2].containers[0].previous).toEqual({ unknown: 'pods/log is forbidden (403)' });
    expect(r.problems.find((p) => p.code === 'logs.crash-loop')?.cause).toContain('403');
  });

  it('covers the whole cluster when no app is named', () => {
    const r = logsReport(logsInput({ app: undefined, previousLogs: {}, pods: known([]) }));
    expect(r.errors.total).toBe(6);
  });

  it('is plain data and renders the terminal table (golden)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expectGolden('ops/logs.txt', renderLogsTable(report, { color: false }));
  });
});
