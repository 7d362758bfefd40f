import { describe, expect, it } from 'vitest';
import { verifierRbac } from '../../src/kube/verifier-role.js';

describe('verifier ClusterRole', () => {
  it('grants only get and list on the needed resources, grouped by API group, plus discovery', () => {
    const { clusterRole, unmapped } = verifierRbac([
      'Deployment',
      'Pod',
      'NetworkPolicy',
      'ExternalSecret',
      'Node',
      'Widget',
    ]);
    expect(clusterRole.rules).toEqual([
      { apiGroups: [''], resources: ['nodes', 'pods'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
      { apiGroups: ['external-secrets.io'], resources: ['externalsecrets'], verbs: ['get', 'list'] },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list'] },
      { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'], verbs: ['get'] },
    ]);
    expect(unmapped).toEqual(['Widget']);
    const verbs = (clusterRole.rules as { verbs: string[] }[]).flatMap((r) => r.verbs);
    expect(new Set(verbs)).toEqual(new Set(['get', 'list']));
  });

  it('grants nothing on Secrets by default, and get/list on them only when included', () => {
    const plain = verifierRbac(['Secret', 'ConfigMap']);
    const resources = (plain.clusterRole.rules as { resources?: string[] }[]).flatMap((r) => r.resources ?? []);
    expect(resources).toEqual(['configmaps']);
    expect(plain.withheld).toEqual(['Secret']);
    const opted = verifierRbac(['Secret', 'ConfigMap'], { includeSecrets: true });
    expect((opted.clusterRole.rules as { resources?: string[] }[])[0]).toEqual({
      apiGroups: [''],
      resources: ['configmaps', 'secrets'],
      verbs: ['get', 'list'],
    });
    expect(opted.withheld).toEqual([]);
  });

  it('grants get on pods/log and get/list on metrics.k8s.io for the reads beyond kinds, and names one it cannot map', () => {
    const { clusterRole, unmapped } = verifierRbac(['Pod'], {
      subresources: ['metrics.k8s.io/pods', 'pods/log', 'metrics.k8s.io/nodes', 'pods/exec'],
    });
    expect(clusterRole.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
      { apiGroups: ['metrics.k8s.io'], resources: ['nodes', 'pods'], verbs: ['get', 'list'] },
      { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'], verbs: ['get'] },
    ]);
    expect(unmapped).toEqual(['pods/exec']);
  });
});
