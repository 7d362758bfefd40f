import type { Rule } from '../types.js';
import cronjobSettings from './cronjob-settings.js';
import ingressBackends from './ingress-backends.js';
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
  ingressBackends,
  probePorts,
  queueConsumers,
  resourceQuotas,
  scaleTargets,
  selectorMatchesTemplate,
  servicePorts,
  serviceTargets,
];
