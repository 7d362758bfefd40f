import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-sns';

export type * from 'aws-cdk-lib/aws-sns';

// aws-cdk-lib/aws-sns loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-sns');

export const Topic = m.Topic;
export type Topic = T.Topic;
