import type { Container, Workload } from '../../inventory/workloads.js';
import type { RuleResult } from '../types.js';
import { containerResult } from './results.js';
import type { ContainerRef } from './workloads.js';

/** AWS access key ids: long-lived (AKIA) and temporary (ASIA). */
export const AWS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/** Environment and data key names that carry AWS credentials. */
export const AWS_CREDENTIAL_NAMES =
  /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws_access_key_id|aws_secret_access_key)$/;

/**
 * A name that suggests a secret value: password, token, secret, API key,
 * private key, credentials; the account, storage, master, shared and
 * subscription keys of cloud services (Azure Storage and Batch account keys, a
 * GCP service account key, an API Management subscription key), any AZURE_…_KEY
 * variable of the Azure SDKs and CLI, and the content of a key file
 * (OCI_CLI_KEY_CONTENT).
 */
export const SECRET_NAME =
  /(passw(or)?d|passwd|pwd|secret|token|api[-_.]?key|private[-_.]?key|access[-_.]?key|credential|client[-_.]?secret|auth[-_.]?key|signing[-_.]?key|dsn|(account|storage|master|shared|subscription)[-_.]?key|^azure[-_.].*key$|key[-_.]?content)/i;

/** Suffixes that make a secret-like name point at a secret instead of holding one. */
export const REFERENCE_SUFFIX =
  /[-_.](url|uri|path|file|name|arn|ref|endpoint|host|port|ttl|timeout|expiry|expires|length|enabled|header|id|key[-_.]?id|region|type|mode|store)$/i;

/** Values that are placeholders or references rather than secrets. */
const PLACEHOLDER = /^(\$\{[^}]*\}|\$\([^)]*\)|<[^>]*>|changeme|todo|true|false|none|null|)$/i;

/** Paths, URLs without credentials and ARNs: values that name a secret kept elsewhere. */
const NAMES_ELSEWHERE = /^(\/|arn:|https?:\/\/[^@]*$|file:)/;

/** Whether a value is a placeholder, or names a secret kept elsewhere (a path, an ARN, a URL without credentials). */
export function isPlaceholderOrReference(value: string): boolean {
  const v = value.trim();
  return PLACEHOLDER.test(v) || NAMES_ELSEWHERE.test(v);
}

/** Whether a name suggests a secret value itself (not a reference to one, such as DB_PASSWORD_FILE). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name);
}

/** Whether a key/value pair looks like a secret stored in plain text. */
export function looksLikeSecret(name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (AWS_KEY_ID.test(value)) return true;
  if (!SECRET_NAME.test(name) || REFERENCE_SUFFIX.test(name)) return false;
  const v = value.trim();
  if (PLACEHOLDER.test(v)) return false;
  // Paths, URLs without credentials and ARNs name a secret elsewhere.
  if (NAMES_ELSEWHERE.test(v)) return false;
  return true;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name?: string; key?: string };
    configMapKeyRef?: { name?: string; key?: string };
  };
}

export interface EnvFrom {
  secretRef?: { name?: string };
  configMapRef?: { name?: string };
}

export function envOf(c: Container): EnvVar[] {
  return Array.isArray(c.env) ? (c.env as EnvVar[]) : [];
}

/**
 * One failing result per env var of a container that `picks` (in order), at
 * `[...container, 'env', index, ...tail]`, pushed onto `out`; an indexed loop,
 * as it runs for every env var of every workload.
 */
export function pushEnvFailures(
  out: RuleResult[],
  w: Workload,
  c: ContainerRef,
  picks: (e: EnvVar) => boolean,
  message: (e: EnvVar) => string,
  tail: readonly string[] = [],
): void {
  const env = envOf(c.container);
  for (let i = 0; i < env.length; i++) {
    const e = env[i];
    if (picks(e)) out.push(containerResult('fail', w, c, message(e), c.path.concat('env', i, tail)));
  }
}

export function envFromOf(c: Container): EnvFrom[] {
  return Array.isArray(c.envFrom) ? (c.envFrom as EnvFrom[]) : [];
}

/** A Secret's values as text: stringData as is, data decoded from base64. */
export function secretValues(object: { readonly [key: string]: unknown }): [string, string, 'data' | 'stringData'][] {
  const out: [string, string, 'data' | 'stringData'][] = [];
  pushStringValues(out, object.stringData, 'stringData');
  pushStringValues(out, object.data, 'data');
  return out;
}

/** The string values of a Secret field (data decoded from base64), in Object.entries' order. */
function pushStringValues(out: [string, string, 'data' | 'stringData'][], field: unknown, kind: 'data' | 'stringData') {
  if (!field || typeof field !== 'object') return;
  const values = field as Record<string, unknown>;
  // for…in with an own-key check: the same keys and order as Object.entries, without a pair array per key.
  for (const k in values) {
    if (!Object.hasOwn(values, k)) continue;
    const v = values[k];
    if (typeof v === 'string') out.push([k, kind === 'data' ? Buffer.from(v, 'base64').toString('utf8') : v, kind]);
  }
}
