import type { Rule } from '../types.js';
import auditLogging from './audit-logging.js';
import backups from './backups.js';
import gitopsSource from './gitops-source.js';
import kubernetesVersion from './kubernetes-version.js';
import runbooks from './runbooks.js';

/** The operations rules: one per file in this folder. */
export const rules: readonly Rule[] = [auditLogging, backups, gitopsSource, kubernetesVersion, runbooks];
