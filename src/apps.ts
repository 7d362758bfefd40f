/**
 * `slipway/apps`: the Kubernetes manifests of the applications (web, stateful,
 * worker, cron and the multi-tier namespaces), built with cdk8s.
 *
 *   import { synthesizeApps } from 'slipway/apps';
 */

export { appPolicyStatements } from './apps/aws-access.js';
export { explainApp } from './apps/explain.js';
export { type GitSource, resolveGitSource } from './apps/git-source.js';
export { imageOf, namespaceOf, serviceAccountOf } from './apps/naming.js';
export { addAppToConfigText } from './apps/new-app.js';
export { synthesizeApps } from './apps/synth.js';
