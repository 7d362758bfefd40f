import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-iam';

export type * from 'aws-cdk-lib/aws-iam';

// aws-cdk-lib/aws-iam loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-iam');

export const AccountPrincipal = m.AccountPrincipal;
export type AccountPrincipal = T.AccountPrincipal;
export const Effect = m.Effect;
export type Effect = T.Effect;
export const ManagedPolicy = m.ManagedPolicy;
export type ManagedPolicy = T.ManagedPolicy;
export const PolicyDocument = m.PolicyDocument;
export type PolicyDocument = T.PolicyDocument;
export const PolicyStatement = m.PolicyStatement;
export type PolicyStatement = T.PolicyStatement;
export const Role = m.Role;
export type Role = T.Role;
export const ServicePrincipal = m.ServicePrincipal;
export type ServicePrincipal = T.ServicePrincipal;
export const SessionTagsPrincipal = m.SessionTagsPrincipal;
export type SessionTagsPrincipal = T.SessionTagsPrincipal;
