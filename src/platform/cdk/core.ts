import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/core';

export type * from 'aws-cdk-lib/core';

// aws-cdk-lib/core loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/core');

export const App = m.App;
export type App = T.App;
export const CfnCondition = m.CfnCondition;
export type CfnCondition = T.CfnCondition;
export const CfnElement = m.CfnElement;
export type CfnElement = T.CfnElement;
export const CfnOutput = m.CfnOutput;
export type CfnOutput = T.CfnOutput;
export const CfnResource = m.CfnResource;
export type CfnResource = T.CfnResource;
export const Duration = m.Duration;
export type Duration = T.Duration;
export const RemovalPolicy = m.RemovalPolicy;
export type RemovalPolicy = T.RemovalPolicy;
export const Stack = m.Stack;
export type Stack = T.Stack;
export const Tags = m.Tags;
export type Tags = T.Tags;
export const Validations = m.Validations;
export type Validations = T.Validations;
