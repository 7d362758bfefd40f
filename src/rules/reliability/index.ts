import type { Rule } from '../types.js';
import autoscaling from './autoscaling.js';
import liveCrashloop from './live-crashloop.js';
import livenessProbe from './liveness-probe.js';
import pdb from './pdb.js';
import readinessProbe from './readiness-probe.js';
import replicas from './replicas.js';
import resources from './resources.js';
import rollingUpdate from './rolling-update.js';
import zoneSpread from './zone-spread.js';

/** The reliability rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  autoscaling,
  liveCrashloop,
  livenessProbe,
  pdb,
  readinessProbe,
  replicas,
  resources,
  rollingUpdate,
  zoneSpread,
];
