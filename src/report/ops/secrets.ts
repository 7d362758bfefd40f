import { formatAge } from '../../ops/common/duration.js';
import type { RefreshPlan, RemoteKeyRow, SecretsReport } from '../../ops/secrets/types.js';
import { colors, columns, heading, type OpsTextOptions, problemsSection, unknownSection } from './text.js';

function remoteText(k: RemoteKeyRow): string {
  const path = k.inPath ? '' : ' (outside path)';
  switch (k.state) {
    case 'exists':
      return `${k.key}${path} changed ${k.lastChanged?.slice(0, 10) ?? '?'}${k.lastRotated ? `, rotated ${k.lastRotated.slice(0, 10)}` : ''}${k.kmsKeyId ? ', CMK' : ', aws/secretsmanager key'}`;
    case 'deleting':
      return `${k.key}${path} SCHEDULED FOR DELETION since ${k.deletedDate?.slice(0, 10)}`;
    case 'missing':
      return `${k.key}${path} MISSING`;
    default:
      return `${k.key}${path} unknown (${k.reason})`;
  }
}

/** `slipway secrets status` for a terminal: one line per ExternalSecret and a line per remote key, then the problems. */
export function renderSecretsTable(r: SecretsReport, opts: OpsTextOptions): string {
  const c = colors(opts);
  const out: string[] = [c.bold(`Secrets of environment ${r.environment} (remote keys under ${r.pathPrefix}*)`), ''];
  out.push(...heading(c, 'ExternalSecrets', r.externalSecrets.length, r.unknown.externalSecrets));
  if (r.externalSecrets.length) {
    const head = ['NAMESPACE', 'NAME', 'STORE', 'REFRESH', 'READY', 'LAST SYNC', 'TARGET'];
    const rows = r.externalSecrets.map((e) => [
      e.namespace,
      e.name,
      `${e.store.kind}/${e.store.name}${e.store.found === false ? ' (missing)' : ''}`,
      e.refreshInterval ?? '-',
      e.ready.status === 'True' ? 'True' : `${e.ready.status} ${e.ready.reason ?? ''}`.trim(),
      e.lastSyncAge !== undefined ? `${formatAge(e.lastSyncAge)} ago` : 'never',
      `${e.target.name}${e.target.present === true ? '' : e.target.present === false ? ' (absent)' : ' (unknown)'}`,
    ]);
    const lines = columns([head, ...rows]);
    out.push(c.dim(lines[0]));
    r.externalSecrets.forEach((e, i) => {
      out.push(e.ready.status === 'True' ? lines[i + 1] : c.red(lines[i + 1]));
      for (const k of e.remoteKeys) out.push(c.dim(`      ↳ ${remoteText(k)}`));
    });
    out.push('');
  }
  out.push(...problemsSection(r.problems, c), ...unknownSection(r.unknown, c));
  return `${out.join('\n').trimEnd()}\n`;
}

/** What `secrets refresh` is about to do, shown before it asks for confirmation. */
export function renderRefreshPlan(plan: RefreshPlan, opts: OpsTextOptions): string {
  const c = colors(opts);
  const out: string[] = [];
  for (const p of plan.patches)
    out.push(
      `annotate ExternalSecret ${p.object.namespace}/${p.object.name} ${Object.entries(p.body.metadata.annotations)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')} (merge patch)`,
    );
  for (const n of plan.notFound) out.push(c.red(`not found: ExternalSecret ${n}`));
  for (const n of plan.ambiguous) out.push(c.yellow(`ambiguous: ExternalSecret ${n}`));
  if (out.length === 0) out.push('nothing to refresh');
  return `${out.join('\n')}\n`;
}
