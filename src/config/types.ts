import type { Origin } from './merge.js';
import type { PresetName } from './presets.js';
import type { RegistryHome } from './registry-home.js';
import type { AppConfig } from './schema/apps.js';
import type { EnvironmentSettings, Waiver } from './schema/file.js';

/**
 * Everything one environment needs, fully resolved: preset values, then the
 * project's values, then the environment's overrides. Platform constructs, app
 * generators and verify rules read only this.
 */
export interface EnvironmentConfig extends EnvironmentSettings {
  /** Environment name as written under `environments:`. */
  readonly name: string;
  readonly project: string;
  readonly preset: PresetName;
  /** `cluster.name`, else `<project>-<environment>`. */
  readonly clusterName: string;
  /** `secrets.path`, else `EKS/<environment>`. */
  readonly secretsPath: string;
  /** The zones in use: `network.availabilityZones`, else the first `azCount` of the region. */
  readonly availabilityZones: readonly string[];
  readonly apps: readonly AppConfig[];
  readonly waivers: readonly Waiver[];
  /** `environments.<e>.contexts`: kubeconfig contexts of this environment's clusters (fleet verify). */
  readonly contexts?: readonly string[];
  /** Which environment's stack creates the ECR repositories; absent means this one does. */
  readonly registryHome?: RegistryHome;
}

/** A loaded configuration: every environment resolved, plus where each value came from. */
export interface SlipwayConfig {
  /** The file it was read from; undefined for `defineConfig()` values. */
  readonly file?: string;
  readonly project: string;
  readonly environments: Readonly<Record<string, EnvironmentConfig>>;
  /** Per environment, for each dotted settings path, the layer that supplied it. */
  readonly provenance: Readonly<Record<string, ReadonlyMap<string, Origin>>>;
  /** Things that are allowed but worth saying (a waiver that waives nothing, …). */
  readonly warnings: readonly string[];
}
