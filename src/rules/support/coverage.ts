import type { Inventory } from '../../inventory/inventory.js';
import type { RuleResult } from '../types.js';
import { result } from './results.js';

/**
 * Whether the inventory can show objects of a Kubernetes kind. Live sources
 * say which kinds they collected; files (manifests, dumps) hold everything
 * they are going to hold, so any file source that produced Kubernetes objects
 * shows every kind (a kind it lacks is absent, not unseen).
 */
export function knowsKind(inv: Inventory, kind: string): boolean {
  if (inv.coverage.kubeDenied.has(kind)) return false;
  if (inv.hasKind(kind)) return true;
  return inv.coverage.mode !== 'live' && inv.kubeResources.length > 0;
}

/** Whether the inventory can show AWS resources of a CloudFormation type (same reasoning as knowsKind). */
export function knowsAwsType(inv: Inventory, type: string): boolean {
  if (inv.coverage.awsDenied.has(type)) return false;
  if (inv.hasAwsType(type)) return true;
  return inv.coverage.mode !== 'live' && inv.awsResources.length > 0;
}

/**
 * One `unknown` result when any of the AWS types cannot be shown: access was
 * denied (the reason says which permission), or no source read AWS resources
 * (a manifests-only run). Undefined when all types are known.
 */
export function unknownAws(inv: Inventory, types: readonly string[]): RuleResult[] | undefined {
  for (const type of types) {
    if (knowsAwsType(inv, type)) continue;
    const denied = inv.coverage.awsDenied.get(type);
    const why = denied
      ? `reading ${type} failed: ${denied}`
      : `no source read ${type} resources (give a CloudFormation template from \`slipway synth\` or run with --live)`;
    return [result('unknown', { awsType: type, id: '*' }, why)];
  }
  return undefined;
}

/** One `unknown` result when any of the Kubernetes kinds cannot be shown; undefined when all are known. */
export function unknownKube(inv: Inventory, kinds: readonly string[]): RuleResult[] | undefined {
  for (const kind of kinds) {
    if (knowsKind(inv, kind)) continue;
    const denied = inv.coverage.kubeDenied.get(kind);
    const why = denied
      ? `reading ${kind} objects failed: ${denied}`
      : `no source read Kubernetes ${kind} objects (give manifest paths, a kubectl dump (--from-dump), or run with --live)`;
    return [result('unknown', { kind, name: '*' }, why)];
  }
  return undefined;
}

/** When a rule found nothing to judge: `unknown` if the kinds could not be read, else one `skip`. */
export function nothingToCheck(inv: Inventory, kinds: readonly string[], what: string): RuleResult[] {
  return unknownKube(inv, kinds) ?? [result('skip', { kind: kinds[0], name: '*' }, `no ${what} in the sources`)];
}

/** The AWS counterpart of nothingToCheck. */
export function nothingToCheckAws(inv: Inventory, types: readonly string[], what: string): RuleResult[] {
  return unknownAws(inv, types) ?? [result('skip', { awsType: types[0], id: '*' }, `no ${what} in the sources`)];
}
