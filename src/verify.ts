/**
 * `slipway/verify`: the production-readiness checks as a library. Facts from files,
 * dumps, the synthesized config or a live cluster go into an Inventory; the rules
 * judge it; the reporters render the result. Importing this loads none of
 * aws-cdk-lib, the AWS SDK, cdk8s or client-node: the sources that need them
 * (synthesizeForVerify here, collectLiveInventory in `slipway/ops`) load them when called.
 *
 *   import { inventoryFromPaths, verify, RULES, renderReports } from 'slipway/verify';
 */

import type { EnvironmentConfig } from './config/types.js';
import type { TextInput } from './inventory/sources/read-documents.js';

export { verifierPolicy } from './aws/verifier-policy.js';
export { Inventory, type InventoryInput } from './inventory/inventory.js';
export { awsResource, kubeResource } from './inventory/memory.js';
export { loadDumpInventory } from './inventory/sources/dump.js';
export { type Needs, needsOf } from './inventory/sources/needs.js';
export type { TextInput } from './inventory/sources/read-documents.js';
export { inventoryFromPaths, inventoryFromTexts } from './inventory/sources/static-inventory.js';
export type { AwsResource, Coverage, KubeObject, KubeResource, SourceRef } from './inventory/types.js';
export { verifierRbac } from './kube/verifier-role.js';
export {
  REPORT_FILE_EXTENSIONS,
  REPORT_FORMATS,
  type RenderOptions,
  type ReportFormat,
  renderReports,
  reportFormatOfFile,
  writeHtmlReport,
  writeReportFile,
} from './report/index.js';
export { CHECKLIST, type ChecklistItem } from './rules/checklist.js';
export type { Finding, ReportTarget, VerifyReport } from './rules/engine/types.js';
export { type VerifyOptions, verify } from './rules/engine/verify.js';
export { RULES, ruleById } from './rules/registry.js';
export { defineRule, type Rule, type RuleMeta, type RuleResult } from './rules/types.js';
export {
  DEFAULT_FLEET_CONCURRENCY,
  type FleetVerifyOptions,
  type FleetVerifyRun,
  fleetExitCode,
  type NothingToVerify,
  type RunVerifyOptions,
  runFleetVerify,
  runVerify,
  type VerifyRun,
  type VerifySource,
  verifyExitCode,
} from './verify/index.js';

/**
 * The platform template and app manifests of one environment, synthesized in
 * memory, as texts for inventoryFromTexts. AWS CDK and cdk8s load on the first call.
 */
export async function synthesizeForVerify(env: EnvironmentConfig): Promise<TextInput[]> {
  const synth = await import('./inventory/sources/synth.js');
  return synth.synthesizeForVerify(env);
}
