import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-backup';

export type * from 'aws-cdk-lib/aws-backup';

// aws-cdk-lib/aws-backup loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-backup');

export const BackupPlan = m.BackupPlan;
export type BackupPlan = T.BackupPlan;
export const BackupPlanRule = m.BackupPlanRule;
export type BackupPlanRule = T.BackupPlanRule;
export const BackupResource = m.BackupResource;
export type BackupResource = T.BackupResource;
export const BackupVault = m.BackupVault;
export type BackupVault = T.BackupVault;
