/**
 * `slipway/platform`: the platform as AWS CDK constructs, one CloudFormation
 * stack per environment, and the deploy/diff/destroy actions over it.
 *
 *   import { synthesizePlatform } from 'slipway/platform';
 */

export { type BootstrapResult, runBootstrap } from './platform/bootstrap.js';
export { runPlatformAction } from './platform/deploy.js';
export { PodIdentityRole, type PodIdentityRoleProps } from './platform/pod-identity-role.js';
export { PlatformStack, type PlatformStackProps, platformStackName } from './platform/stack.js';
export { buildPlatformApp, synthesizePlatform } from './platform/synth.js';
export { VERSION_LOCK, versionsFor } from './platform/versions.js';
