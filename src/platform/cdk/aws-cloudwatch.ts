import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-cloudwatch';

export type * from 'aws-cdk-lib/aws-cloudwatch';

// aws-cdk-lib/aws-cloudwatch loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-cloudwatch');

export const Alarm = m.Alarm;
export type Alarm = T.Alarm;
export const AlarmStatusWidget = m.AlarmStatusWidget;
export type AlarmStatusWidget = T.AlarmStatusWidget;
export const ComparisonOperator = m.ComparisonOperator;
export type ComparisonOperator = T.ComparisonOperator;
export const Dashboard = m.Dashboard;
export type Dashboard = T.Dashboard;
export const GraphWidget = m.GraphWidget;
export type GraphWidget = T.GraphWidget;
export const MathExpression = m.MathExpression;
export type MathExpression = T.MathExpression;
export const Metric = m.Metric;
export type Metric = T.Metric;
export const TreatMissingData = m.TreatMissingData;
export type TreatMissingData = T.TreatMissingData;
