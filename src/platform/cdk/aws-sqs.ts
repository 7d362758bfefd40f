import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-sqs';

export type * from 'aws-cdk-lib/aws-sqs';

// aws-cdk-lib/aws-sqs loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-sqs');

export const Queue = m.Queue;
export type Queue = T.Queue;
export const QueueEncryption = m.QueueEncryption;
export type QueueEncryption = T.QueueEncryption;
