import type { Rule } from '../types.js';
import onDemandStateful from './on-demand-stateful.js';
import spotWorkers from './spot-workers.js';

/** The cost rules: one per file in this folder. */
export const rules: readonly Rule[] = [onDemandStateful, spotWorkers];
