import type { Rule } from '../types.js';
import ecrImmutableTags from './ecr-immutable-tags.js';
import ecrScanOnPush from './ecr-scan-on-push.js';
import liveLbScheme from './live-lb-scheme.js';
import multiAzNodes from './multi-az-nodes.js';
import nodeAutoscaling from './node-autoscaling.js';
import nodeImdsv2 from './node-imdsv2.js';
import privateEndpoint from './private-endpoint.js';
import privateSubnets from './private-subnets.js';

/** The infrastructure rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  ecrImmutableTags,
  ecrScanOnPush,
  liveLbScheme,
  multiAzNodes,
  nodeAutoscaling,
  nodeImdsv2,
  privateEndpoint,
  privateSubnets,
];
