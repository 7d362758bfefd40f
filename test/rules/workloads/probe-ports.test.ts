import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/workloads/probe-ports.js';
import { deployment, goodContainer, inventory, run, statusOf } from '../helpers.js';

const withProbe = (probe: object, ports?: object[]) =>
  deployment({
    containers: [
      goodContainer('app', { livenessProbe: probe, readinessProbe: undefined, ...(ports ? { ports } : {}) }),
    ],
  });

describe('workloads.probe-ports', () => {
  it.each([
    ['passes a named port the container declares', withProbe({ httpGet: { path: '/', port: 'http' } }), 'pass'],
    ['passes a numeric port the container declares', withProbe({ httpGet: { path: '/', port: 8080 } }), 'pass'],
    [
      'fails a named port the container does not declare',
      withProbe({ httpGet: { path: '/', port: 'health' } }),
      'fail',
    ],
    ['fails a number the container does not declare', withProbe({ tcpSocket: { port: 7000 } }), 'fail'],
    [
      'fails a TCP probe on a UDP port',
      withProbe({ tcpSocket: { port: 'dns' } }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]),
      'fail',
    ],
    ['warns on a number when the container declares no ports', withProbe({ tcpSocket: { port: 7000 } }, []), 'warn'],
  ])('%s', (_name, obj, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [obj] })), 'api')).toBe(expected);
  });

  it('points at the probe port', () => {
    const [r] = run(rule, inventory({ kube: [withProbe({ httpGet: { path: '/', port: 'health' } })] }));
    expect(r.path).toEqual(['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port']);
  });
});
