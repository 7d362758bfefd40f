import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-events';

export type * from 'aws-cdk-lib/aws-events';

// aws-cdk-lib/aws-events loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-events');

export const Rule = m.Rule;
export type Rule = T.Rule;
export const Schedule = m.Schedule;
export type Schedule = T.Schedule;
