import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-observabilityadmin';

export type * from 'aws-cdk-lib/aws-observabilityadmin';

// aws-cdk-lib/aws-observabilityadmin loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-observabilityadmin');

export const CfnTelemetryEnrichment = m.CfnTelemetryEnrichment;
export type CfnTelemetryEnrichment = T.CfnTelemetryEnrichment;
