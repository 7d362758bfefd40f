import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { bundledExamplePath, defineConfig, loadConfig } from '../../src/config/load.js';
import type { ConfigFileInput } from '../../src/config/schema/file.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import type { PlatformStack } from '../../src/platform/stack.js';
import { buildPlatformApp } from '../../src/platform/synth.js';

/** An environment of the bundled example (examples/shop). */
export async function exampleEnv(name: 'test' | 'prod'): Promise<EnvironmentConfig> {
  const config = await loadConfig(bundledExamplePath());
  return config.environments[name];
}

/** The bundled example with changes applied to its parsed YAML, resolved through defineConfig. */
export function variantEnv(name: string, change: (input: Record<string, unknown>) => void): EnvironmentConfig {
  const input = parse(readFileSync(bundledExamplePath(), 'utf8')) as Record<string, unknown>;
  change(input);
  return defineConfig(input as unknown as ConfigFileInput).environments[name];
}

export interface Synthesized {
  readonly env: EnvironmentConfig;
  readonly stack: PlatformStack;
  readonly template: Template;
}

/** Synthesizes the platform stack in memory (validation off; one full validated synth lives in synth.test.ts). */
export async function synth(env: EnvironmentConfig): Promise<Synthesized> {
  const { stack } = await buildPlatformApp(env);
  return { env, stack, template: Template.fromStack(stack) };
}

/** Resources of a type, as [logicalId, resource] pairs. */
export function resourcesOf(
  template: Template,
  type: string,
): [string, { Properties?: Record<string, unknown>; DependsOn?: string[] }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties?: Record<string, unknown> }][];
}

/** Kubernetes objects in Custom::AWSCDK-EKS-KubernetesResource manifests. */
export function manifests(template: Template): Record<string, unknown>[] {
  return resourcesOf(template, 'Custom::AWSCDK-EKS-KubernetesResource').flatMap(([, r]) => {
    const m = r.Properties?.Manifest;
    return typeof m === 'string' ? (JSON.parse(m) as Record<string, unknown>[]) : [];
  });
}

/** Helm charts by chart name. */
export function charts(template: Template): Map<string, Record<string, unknown>> {
  return new Map(
    resourcesOf(template, 'Custom::AWSCDK-EKS-HelmChart').map(([, r]) => [
      String(r.Properties?.Chart),
      r.Properties ?? {},
    ]),
  );
}

/** Pod Identity associations as `namespace/serviceaccount` strings. */
export function associations(template: Template): string[] {
  return resourcesOf(template, 'AWS::EKS::PodIdentityAssociation')
    .map(([, r]) => `${r.Properties?.Namespace}/${r.Properties?.ServiceAccount}`)
    .sort();
}

/** Reads a nested value from synthesized JSON: dig(props, 'ResourcesVpcConfig', 'EndpointPublicAccess'). */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}
