import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-route53';

export type * from 'aws-cdk-lib/aws-route53';

// aws-cdk-lib/aws-route53 loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-route53');

export const HostedZone = m.HostedZone;
export type HostedZone = T.HostedZone;
