import { describe, expect, it } from 'vitest';
import { CAPACITY, CAPACITY_LABEL } from '../../src/apps/scheduling.js';
import { NODE_LABELS, nodeLabels } from '../../src/platform/cluster.js';

describe('names the app generators share with the platform', () => {
  it('use the node capacity label and values the node groups carry', () => {
    expect(CAPACITY_LABEL).toBe(NODE_LABELS.capacity);
    const group = { name: 'g', instanceTypes: ['m6i.large'], min: 1, desired: 1, max: 2, diskSizeGb: 50, labels: {} };
    expect(nodeLabels({ ...group, capacity: 'onDemand' })[CAPACITY_LABEL]).toBe(CAPACITY.onDemand);
    expect(nodeLabels({ ...group, capacity: 'spot' })[CAPACITY_LABEL]).toBe(CAPACITY.spot);
  });
});
