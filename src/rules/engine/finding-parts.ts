import type { AwsResource, KubeResource, SourceRef } from '../../inventory/types.js';
import type { RuleResult } from '../types.js';
import type { Finding, FindingLocation } from './types.js';

/** A finding's subject, location and stable order: how a rule result becomes a finding. */

export function kubeSubject(r: KubeResource, container?: string) {
  const m = r.object.metadata;
  return {
    kind: r.object.kind,
    ...(m.namespace ? { namespace: m.namespace } : {}),
    name: m.name,
    ...(container ? { container } : {}),
  };
}

export function locationOf(
  resource: KubeResource | AwsResource | undefined,
  result: { path?: RuleResult['path'] },
): FindingLocation {
  if (!resource) return {};
  let ref: SourceRef;
  try {
    ref = result.path ? resource.locate(result.path) : resource.source;
  } catch {
    ref = resource.source;
  }
  return clean(ref);
}

const LOCATION_KEYS = ['file', 'line', 'column', 'cluster', 'account', 'region'] as const;

export function clean(ref: SourceRef): FindingLocation {
  const out: Record<string, string | number> = {};
  for (let i = 0; i < LOCATION_KEYS.length; i++) {
    const k = LOCATION_KEYS[i];
    const v = ref[k];
    if (v !== undefined) out[k] = v;
  }
  return out as FindingLocation;
}

function subjectKey(f: Finding): string {
  const s = f.subject;
  return 'awsType' in s ? `${s.awsType}/${s.id}` : `${s.kind}/${s.namespace ?? ''}/${s.name}/${s.container ?? ''}`;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings in a stable order: by rule, then file position, then subject and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.location.file ?? '', b.location.file ?? '') ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    cmp(subjectKey(a), subjectKey(b)) ||
    cmp(a.message, b.message)
  );
}
