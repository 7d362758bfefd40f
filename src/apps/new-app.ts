import { Document, isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { appSchema } from '../config/schema/apps.js';

export type NewAppPattern = 'web' | 'stateful' | 'worker' | 'cron';
export const NEW_APP_PATTERNS: readonly NewAppPattern[] = ['web', 'stateful', 'worker', 'cron'];
export const NEW_APP_TIERS = appSchema.shape.tier.unwrap().options;

export interface NewAppRequest {
  readonly name: string;
  readonly pattern: NewAppPattern;
  readonly tier?: string;
}

/** A request that cannot be applied to the file: a duplicate, a bad name, a file that is not a config. */
export class NewAppError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Starting values per pattern: what the schema requires, with a comment on what to change. */
type Entry = [key: string, value: unknown, comment?: string];

/**
 * A starting value per environment, keyed only by environments the config has
 * (a per-environment map accepts environment names only): the test and prod
 * values where those exist, else the test value once.
 */
function perEnv(envs: readonly string[], test: unknown, prod: unknown): unknown {
  const map: Record<string, unknown> = {};
  if (envs.includes('test')) map.test = test;
  if (envs.includes('prod')) map.prod = prod;
  return Object.keys(map).length ? map : test;
}

function starter(req: NewAppRequest, project: string, hasDomain: boolean, envs: readonly string[]): Entry[] {
  const image: Entry = [
    'image',
    { repository: `${project}/${req.name}`, tag: '0.1.0' },
    'platform ECR repository (created by slipway); or a full image reference',
  ];
  const host: Entry = ['host', req.name, `served at ${req.name}.<domain>; remove for an internal-only service`];
  switch (req.pattern) {
    case 'web':
      return [
        image,
        ['port', 8080, 'container port the app listens on'],
        ['healthPath', '/health', 'readiness and liveness probes GET this path'],
        ...(hasDomain ? [host] : []),
        ['autoscaling', { max: perEnv(envs, 3, 6) }, 'HPA on CPU from replicas up to max'],
      ];
    case 'stateful':
      return [
        image,
        ['port', 5432, 'probed over TCP'],
        [
          'storage',
          { size: perEnv(envs, '10Gi', '50Gi'), mountPath: '/data' },
          'gp3 volume per replica; can grow, never shrink',
        ],
      ];
    case 'worker':
      return [
        image,
        [
          'queue',
          {
            name: `${project}-${req.name}`,
            visibilityTimeoutSeconds: 60,
            messagesPerReplica: 5,
            maxReplicas: perEnv(envs, 3, 10),
          },
          'KEDA scales on this SQS queue; shutdown waits visibilityTimeoutSeconds + 30s',
        ],
      ];
    case 'cron':
      return [
        image,
        ['schedule', '0 2 * * *', 'cron syntax; runs never overlap (concurrencyPolicy Forbid)'],
        ['timeZone', 'Etc/UTC'],
      ];
  }
}

/** The new entry as block YAML lines (a one-item list), comments included, indented by `indent` spaces. */
function renderEntry(
  req: NewAppRequest,
  project: string,
  hasDomain: boolean,
  envs: readonly string[],
  indent: number,
): string {
  const doc = new Document([]);
  const entry = doc.createNode({}) as YAMLMap;
  entry.set('name', req.name);
  entry.set('pattern', req.pattern);
  if (req.tier) entry.set('tier', req.tier);
  for (const [key, value, comment] of starter(req, project, hasDomain, envs)) {
    const node = doc.createNode(value);
    if (isMap(node)) node.flow = true;
    if (comment) (node as { comment?: string }).comment = ` ${comment}`;
    entry.items.push(doc.createPair(key, node));
  }
  entry.commentBefore = ` ${req.name}: ${req.pattern} app (added by slipway app new; see slipway app explain ${req.name})`;
  (doc.contents as YAMLSeq).items.push(entry);
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Column of the first character of the line holding `offset`, and that line's indentation. */
function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

/**
 * Appends an app entry to the `apps:` list of a config file's text. The rest of
 * the file is left byte for byte as it was (comments, alignment, flow style):
 * the YAML Document API finds where the list ends and only the new entry is
 * rendered. Creates `apps:` when missing or empty. Refuses a taken name.
 */
export function addAppToConfigText(text: string, req: NewAppRequest): string {
  const nameCheck = appSchema.shape.name.safeParse(req.name);
  if (!nameCheck.success) {
    throw new NewAppError(
      `app name "${req.name}" is not allowed: ${nameCheck.error.issues[0]?.message ?? 'invalid'} (at most 40 characters)`,
    );
  }
  if (!NEW_APP_PATTERNS.includes(req.pattern)) {
    throw new NewAppError(`--pattern "${req.pattern}" is not a pattern; use one of: ${NEW_APP_PATTERNS.join(', ')}`);
  }
  if (req.tier !== undefined && !(NEW_APP_TIERS as readonly string[]).includes(req.tier)) {
    throw new NewAppError(`--tier "${req.tier}" is not a tier; use one of: ${NEW_APP_TIERS.join(', ')}`);
  }

  const doc = parseDocument(text);
  if (doc.errors.length) throw new NewAppError(`the config file is not valid YAML: ${doc.errors[0].message}`);
  if (!isMap(doc.contents)) throw new NewAppError('the config file must be a mapping with project:, environments:, …');
  const project = String(doc.get('project') ?? 'app');
  // A bare host needs a domain to append; without one the entry gets no host (internal service).
  const js = (doc.toJS() ?? {}) as { domain?: unknown; environments?: Record<string, { domain?: unknown } | null> };
  const hasDomain = Boolean(js.domain) || Object.values(js.environments ?? {}).some((e) => Boolean(e?.domain));
  const apps = doc.get('apps', true) as unknown;

  if (isSeq(apps)) {
    for (const item of apps.items) {
      if (isMap(item) && item.get('name') === req.name) {
        throw new NewAppError(`an app named "${req.name}" already exists in the config; choose another name`);
      }
    }
  }

  if (isSeq(apps) && !apps.flow && apps.items.length > 0 && apps.range) {
    // A block list: insert after its last item, at the items' indentation.
    const first = apps.items[0] as { range?: [number, number, number] };
    const indent = Math.max(0, indentAt(text, first.range?.[0] ?? apps.range[0]) - 2);
    const at = apps.range[1];
    return `${text.slice(0, at).replace(/\s*$/, '')}\n${renderEntry(req, project, hasDomain, Object.keys(js.environments ?? {}), indent)}${text.slice(at).startsWith('\n') ? '' : '\n'}${text.slice(at)}`;
  }

  const empty =
    apps === undefined || (isScalar(apps) && apps.value === null) || (isSeq(apps) && apps.items.length === 0);
  if (!empty) throw new NewAppError('apps: in the config file is not a list');
  const pair = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'apps');
  const block = `apps:\n${renderEntry(req, project, hasDomain, Object.keys(js.environments ?? {}), 2)}\n`;
  if (!pair) return `${text.replace(/\s*$/, '')}\n\n${block}`;
  // `apps:` with nothing or `[]`: replace that line.
  const keyStart = (pair.key as Scalar).range?.[0] ?? 0;
  const valueEnd = (pair.value as Scalar | YAMLSeq | null)?.range?.[1] ?? keyStart + 'apps:'.length;
  const lineEnd = text.indexOf('\n', valueEnd);
  return `${text.slice(0, keyStart)}${block}${lineEnd === -1 ? '' : text.slice(lineEnd + 1)}`;
}
