/**
 * Slipway as a library: everything the CLI does, as functions that return data.
 *
 *   import { loadConfig, synthesizeApps, inventoryFromPaths, verify, RULES, renderReports } from 'slipway';
 */

// Applications (cdk8s)
export { appPolicyStatements } from './apps/aws-access.js';
export { explainApp } from './apps/explain.js';
export { type GitSource, resolveGitSource } from './apps/git-source.js';
export { imageOf, namespaceOf, serviceAccountOf } from './apps/naming.js';
export { addAppToConfigText } from './apps/new-app.js';
export { synthesizeApps } from './apps/synth.js';
// Access the live verifier needs
export { verifierPolicy } from './aws/verifier-policy.js';
// Configuration
export { diffEnvironments, showEnvironment } from './config/compare.js';
export { ConfigError, type ConfigIssue, type SourceLocation } from './config/errors.js';
export { configJsonSchema } from './config/json-schema.js';
export { bundledExamplePath, defineConfig, findConfigFile, loadConfig, parseConfig } from './config/load.js';
export { PRESETS, PROD_REQUIREMENTS } from './config/presets.js';
export type { AppConfig, AppInput } from './config/schema/apps.js';
export type { ConfigFileInput, EnvironmentSettings } from './config/schema/file.js';
export type { EnvironmentConfig, SlipwayConfig } from './config/types.js';
// Facts: inventory and its sources
export { Inventory, type InventoryInput } from './inventory/inventory.js';
export { awsResource, kubeResource } from './inventory/memory.js';
export { loadDumpInventory } from './inventory/sources/dump.js';
export { collectLiveInventory } from './inventory/sources/live.js';
export { needsOf } from './inventory/sources/needs.js';
export { inventoryFromPaths, inventoryFromTexts } from './inventory/sources/static-inventory.js';
export { synthesizeForVerify } from './inventory/sources/synth.js';
export type { AwsResource, Coverage, KubeObject, KubeResource, SourceRef } from './inventory/types.js';
export { verifierRbac } from './kube/verifier-role.js';
// Platform (AWS CDK)
export { runPlatformAction } from './platform/deploy.js';
export { PodIdentityRole, type PodIdentityRoleProps } from './platform/pod-identity-role.js';
export { PlatformStack, type PlatformStackProps, platformStackName } from './platform/stack.js';
export { buildPlatformApp, synthesizePlatform } from './platform/synth.js';
export { VERSION_LOCK, versionsFor } from './platform/versions.js';
// Reports
export { renderReports } from './report/index.js';
// Rules and verification
export { CHECKLIST, type ChecklistItem } from './rules/checklist.js';
export type { Finding, VerifyReport } from './rules/engine/types.js';
export { type VerifyOptions, verify } from './rules/engine/verify.js';
export { RULES, ruleById } from './rules/registry.js';
export { defineRule, type Rule, type RuleMeta, type RuleResult } from './rules/types.js';
