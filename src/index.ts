/**
 * Slipway as a library, `slipway`: the config and the types every part shares.
 * It loads no heavy module. The other entry points, each for one job:
 *
 *   slipway/verify    inventory, rules and reports (no CDK, no AWS SDK, no cdk8s, no client-node at import)
 *   slipway/platform  the AWS CDK constructs and platform synth, deploy and diff
 *   slipway/apps      the application manifests (cdk8s) for the five patterns
 *   slipway/ops       live reading of a cluster and its AWS account (client-node, AWS SDK when called)
 */

export { diffEnvironments, showEnvironment } from './config/compare.js';
export { ConfigError, type ConfigIssue, type SourceLocation } from './config/errors.js';
export { configJsonSchema } from './config/json-schema.js';
export { bundledExamplePath, defineConfig, findConfigFile, loadConfig, parseConfig } from './config/load.js';
export { PRESETS, PROD_REQUIREMENTS } from './config/presets.js';
export type { AppConfig, AppInput } from './config/schema/apps.js';
export type { ConfigFileInput, EnvironmentSettings } from './config/schema/file.js';
export type { EnvironmentConfig, SlipwayConfig } from './config/types.js';
export type { AwsResource, Coverage, KubeObject, KubeResource, SourceRef } from './inventory/types.js';
export type { Finding, VerifyReport } from './rules/engine/types.js';
export type { Rule, RuleMeta, RuleResult } from './rules/types.js';
