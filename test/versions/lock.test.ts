import { describe, expect, it } from 'vitest';
import { SUPPORTED_KUBERNETES_VERSIONS, VERSION_LOCK } from '../../src/versions/lock.js';

describe('version lock', () => {
  it.each(SUPPORTED_KUBERNETES_VERSIONS)('runs the Cluster Autoscaler release of Kubernetes %s', (minor) => {
    const tag = VERSION_LOCK[minor].charts.clusterAutoscaler.imageTag;
    expect(tag.replace(/^v/, '').split('.').slice(0, 2).join('.')).toBe(minor);
  });

  it('uses one Cluster Autoscaler chart and one Karpenter chart for every minor', () => {
    const caCharts = new Set(
      SUPPORTED_KUBERNETES_VERSIONS.map((m) => VERSION_LOCK[m].charts.clusterAutoscaler.version),
    );
    const karpenterCharts = new Set(SUPPORTED_KUBERNETES_VERSIONS.map((m) => VERSION_LOCK[m].charts.karpenter.version));
    expect(caCharts.size).toBe(1);
    expect(karpenterCharts.size).toBe(1);
  });
});
