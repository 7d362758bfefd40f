import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/network-policy-enforcement.js';
import { aws, inventory, kobj, run, statusOf } from '../helpers.js';

const policy = kobj('NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } });
const cni = (config?: unknown) =>
  aws('AWS::EKS::Addon', 'VpcCni', {
    AddonName: 'vpc-cni',
    ...(config === undefined ? {} : { ConfigurationValues: config }),
  });

describe('security.network-policy-enforcement', () => {
  it('passes when the vpc-cni add-on switches its network policy agent on', () => {
    const results = run(rule, inventory({ kube: [policy], aws: [cni('{"enableNetworkPolicy":"true"}')] }));
    expect(statusOf(results, 'VpcCni')).toBe('pass');
  });

  it('fails when NetworkPolicies exist and the vpc-cni add-on runs its defaults', () => {
    const results = run(rule, inventory({ kube: [policy], aws: [cni()] }));
    expect(statusOf(results, 'VpcCni')).toBe('fail');
    expect(results[0].message).toMatch(/no ConfigurationValues/);
  });

  it('fails when the agent is switched off explicitly', () => {
    const results = run(rule, inventory({ kube: [policy], aws: [cni('{"enableNetworkPolicy":"false"}')] }));
    expect(statusOf(results, 'VpcCni')).toBe('fail');
  });

  it('fails when the template holds add-ons but no vpc-cni add-on and no enforcing CNI', () => {
    const other = aws('AWS::EKS::Addon', 'Proxy', { AddonName: 'kube-proxy' });
    const results = run(rule, inventory({ kube: [policy], aws: [other] }));
    expect(statusOf(results, 'vpc-cni')).toBe('fail');
  });

  it('is unknown for manifests only: the CNI configuration is not in them', () => {
    const results = run(rule, inventory({ kube: [policy] }));
    expect(statusOf(results, 'vpc-cni')).toBe('unknown');
  });

  it('is unknown when the configuration values are a template expression', () => {
    const results = run(rule, inventory({ kube: [policy], aws: [cni({ 'Fn::Join': ['', ['{', '}']] })] }));
    expect(statusOf(results, 'VpcCni')).toBe('unknown');
  });

  it('passes a cluster running Calico, seen as its DaemonSet', () => {
    const calico = kobj('DaemonSet', 'calico-node', { spec: {} }, 'kube-system');
    const results = run(rule, inventory({ kube: [policy, calico] }));
    expect(statusOf(results, 'calico-node')).toBe('pass');
  });

  it('skips when there are no NetworkPolicies', () => {
    const results = run(rule, inventory({ kube: [kobj('ConfigMap', 'x')], aws: [cni()] }));
    expect(results.map((r) => r.status)).toEqual(['skip']);
  });
});
