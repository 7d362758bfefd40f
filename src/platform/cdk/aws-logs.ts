import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-logs';

export type * from 'aws-cdk-lib/aws-logs';

// aws-cdk-lib/aws-logs loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-logs');

export const FilterPattern = m.FilterPattern;
export type FilterPattern = T.FilterPattern;
export const LogGroup = m.LogGroup;
export type LogGroup = T.LogGroup;
export const MetricFilter = m.MetricFilter;
export type MetricFilter = T.MetricFilter;
export const RetentionDays = m.RetentionDays;
export type RetentionDays = T.RetentionDays;
