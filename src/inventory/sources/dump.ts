import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { redactSecret } from '../../kube/reader.js';
import { InputFileError, readTextFileSync } from '../../util/text-file.js';
import { walkFiles } from '../../util/walk-files.js';
import { Inventory } from '../inventory.js';
import { kubeResource } from '../memory.js';
import type { InputProblem, KubeObject, KubeResource } from '../types.js';

/**
 * Offline verify from a support bundle: `kubectl get … -A -o json` output (a
 * List, or several concatenated), `-o yaml` output, or a
 * `kubectl cluster-info dump` (stdout, or --output-directory: nodes.json at the
 * top and <namespace>/<kind>.json Lists, pod logs beside them, which are skipped).
 */

/** What `kubectl cluster-info dump` writes, by file name: complete lists of these kinds. */
const CLUSTER_INFO_FILES: Readonly<Record<string, { kind: string; apiVersion: string }>> = {
  'nodes.json': { kind: 'Node', apiVersion: 'v1' },
  'events.json': { kind: 'Event', apiVersion: 'v1' },
  'replication-controllers.json': { kind: 'ReplicationController', apiVersion: 'v1' },
  'services.json': { kind: 'Service', apiVersion: 'v1' },
  'daemonsets.json': { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  'deployments.json': { kind: 'Deployment', apiVersion: 'apps/v1' },
  'replicasets.json': { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  'pods.json': { kind: 'Pod', apiVersion: 'v1' },
};
const CLUSTER_INFO_KINDS = Object.values(CLUSTER_INFO_FILES).map((f) => f.kind);

export interface DumpOptions {
  /** Kinds the selected rules need: those a cluster-info dump cannot hold become unknown. */
  readonly kinds?: readonly string[];
  /** Largest dump file read; default 256 MiB. */
  readonly maxFileBytes?: number;
  /** AWS types the selected rules need: a dump holds none, so they are recorded as not read. */
  readonly awsTypes?: readonly string[];
}

/** A dump file larger than this is refused (a whole busy cluster's `get -A -o json` stays well under it). */
export const DEFAULT_MAX_DUMP_BYTES = 256 * 1024 * 1024;

export async function loadDumpInventory(path: string, options: DumpOptions = {}): Promise<Inventory> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new DumpError(`--from-dump ${path}: no such file or directory`);
  if (!info.isDirectory() && !info.isFile()) {
    throw new DumpError(`--from-dump ${path}: not a regular file or a directory (a FIFO or a device is not read)`);
  }
  const files = info.isDirectory() ? await dumpFiles(path) : [path];
  const resources: KubeResource[] = [];
  const problems: InputProblem[] = [];
  const kinds = new Set<string>();
  let clusterInfo = false;
  for (const file of files) {
    const name = file.split(/[\\/]/).pop() ?? file;
    const hint = info.isDirectory() ? CLUSTER_INFO_FILES[name] : undefined;
    const shown = info.isDirectory() ? relative(path, file) : file;
    let text: string;
    try {
      text = readTextFileSync(file, { maxBytes: options.maxFileBytes ?? DEFAULT_MAX_DUMP_BYTES });
    } catch (e) {
      const why = e instanceof InputFileError ? e.reason : e instanceof Error ? e.message : String(e);
      problems.push({ file: shown, message: `cannot read: ${why}` });
      continue;
    }
    let docs: unknown[];
    try {
      docs = /\.ya?ml$/i.test(file) ? await yamlDocuments(text) : jsonDocuments(text);
    } catch (e) {
      problems.push({
        file: shown,
        message: `not kubectl JSON or YAML output: ${e instanceof Error ? e.message : String(e)}`,
      });
      continue;
    }
    if (hint) {
      clusterInfo = true;
      kinds.add(hint.kind);
    }
    for (const doc of docs) {
      for (const o of objectsOf(doc, hint)) {
        kinds.add(o.kind);
        resources.push(kubeResource(o.kind === 'Secret' ? redactSecret(o) : o, { file: shown }));
      }
    }
  }
  resources.sort((a, b) => a.id.localeCompare(b.id));
  const kubeDenied = new Map<string, string>();
  const notes: string[] = [`read ${resources.length} objects from ${files.length} file(s) under ${path}`];
  if (clusterInfo) {
    for (const kind of CLUSTER_INFO_KINDS) kinds.add(kind);
    for (const kind of options.kinds ?? []) {
      if (!kinds.has(kind)) {
        kubeDenied.set(
          kind,
          `not in the dump: kubectl cluster-info dump holds only ${CLUSTER_INFO_KINDS.join(', ')}; add \`kubectl get ${kind.toLowerCase()} -A -o json\` output to the bundle`,
        );
      }
    }
  }
  return new Inventory({
    kube: resources,
    problems,
    coverage: {
      mode: 'dump',
      kubeKinds: kinds,
      kubeDenied,
      awsDenied: new Map(
        (options.awsTypes ?? []).map((t) => [t, 'a kubectl dump holds no AWS resources; verify --live reads them']),
      ),
      notes,
    },
  });
}

/** An unusable --from-dump path. */
export class DumpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

function dumpFiles(dir: string): Promise<string[]> {
  return walkFiles(dir, { accept: (name) => /\.(json|ya?ml)$/i.test(name) });
}

/** Kubernetes objects in a document: a List (any *List kind) or a single object. */
function objectsOf(doc: unknown, hint: { kind: string; apiVersion: string } | undefined): KubeObject[] {
  if (!doc || typeof doc !== 'object') return [];
  const d = doc as { kind?: string; apiVersion?: string; items?: unknown; metadata?: unknown };
  if (Array.isArray(d.items)) {
    const listKind = d.kind && d.kind !== 'List' && d.kind.endsWith('List') ? d.kind.slice(0, -4) : undefined;
    const kind = listKind ?? hint?.kind;
    const apiVersion = d.kind !== 'List' ? (d.apiVersion ?? hint?.apiVersion) : hint?.apiVersion;
    return d.items.flatMap((item) => {
      if (!item || typeof item !== 'object') return [];
      const o = item as Partial<KubeObject>;
      const k = o.kind ?? kind;
      const v = o.apiVersion ?? apiVersion;
      if (!k || !v || !o.metadata) return [];
      return [{ ...o, kind: k, apiVersion: v } as KubeObject];
    });
  }
  if (typeof d.kind === 'string' && typeof d.apiVersion === 'string' && d.metadata) return [doc as KubeObject];
  return [];
}

/**
 * JSON values in a text: one, or several concatenated (cluster-info dump on
 * stdout), with the pod-log sections between them skipped.
 */
export function jsonDocuments(text: string): unknown[] {
  const cleaned = text.replace(/^==== START logs for [\s\S]*?^==== END logs for .*$/gm, '');
  const out: unknown[] = [];
  let i = 0;
  while (i < cleaned.length) {
    const start = cleaned.indexOf('{', i);
    if (start < 0) break;
    const end = matchingBrace(cleaned, start);
    if (end < 0) throw new Error(`unterminated JSON object starting at offset ${start}`);
    out.push(JSON.parse(cleaned.slice(start, end + 1)));
    i = end + 1;
  }
  return out;
}

function matchingBrace(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

async function yamlDocuments(text: string): Promise<unknown[]> {
  const { parseAllDocuments } = await import('yaml');
  return parseAllDocuments(text).map((d) => d.toJS());
}
