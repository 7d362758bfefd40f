import type { Rule } from '../types.js';
import cronjobSettings from './cronjob-settings.js';
import podHygiene from './pod-hygiene.js';
import queueConsumers from './queue-consumers.js';
import resourceQuotas from './resource-quotas.js';

/** The workloads rules: one per file in this folder. */
export const rules: readonly Rule[] = [cronjobSettings, podHygiene, queueConsumers, resourceQuotas];
