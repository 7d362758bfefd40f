import type { Rule } from '../types.js';
import cronjobSettings from './cronjob-settings.js';
import ephemeralStorage from './ephemeral-storage.js';
import ingressBackends from './ingress-backends.js';
import nodePortServices from './node-port-services.js';
import pdbPolicy from './pdb-policy.js';
import podHygiene from './pod-hygiene.js';
import probePorts from './probe-ports.js';
import queueConsumers from './queue-consumers.js';
import resourceQuotas from './resource-quotas.js';
import scaleTargets from './scale-targets.js';
import selectorMatchesTemplate from './selector-matches-template.js';
import servicePorts from './service-ports.js';
import serviceTargets from './service-targets.js';

/** The workloads rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  cronjobSettings,
  ephemeralStorage,
  ingressBackends,
  nodePortServices,
  pdbPolicy,
  podHygiene,
  probePorts,
  queueConsumers,
  resourceQuotas,
  scaleTargets,
  selectorMatchesTemplate,
  servicePorts,
  serviceTargets,
];
