import type { Rule } from '../types.js';
import gp3Volumes from './gp3-volumes.js';
import liveUnboundPvc from './live-unbound-pvc.js';
import nodeVolumeEncryption from './node-volume-encryption.js';
import oversizedVolumes from './oversized-volumes.js';
import waitForFirstConsumer from './wait-for-first-consumer.js';

/** The storage rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  gp3Volumes,
  liveUnboundPvc,
  nodeVolumeEncryption,
  oversizedVolumes,
  waitForFirstConsumer,
];
