import type { Rule } from '../types.js';
import cronjobSettings from './cronjob-settings.js';
import ephemeralStorage from './ephemeral-storage.js';
import nodePortServices from './node-port-services.js';
import pdbPolicy from './pdb-policy.js';
import podHygiene from './pod-hygiene.js';
import queueConsumers from './queue-consumers.js';
import resourceQuotas from './resource-quotas.js';

/** The workloads rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  cronjobSettings,
  ephemeralStorage,
  nodePortServices,
  pdbPolicy,
  podHygiene,
  queueConsumers,
  resourceQuotas,
];
