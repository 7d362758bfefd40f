import { UsageError } from '../../util/errors.js';
import { SUPPORTED_KUBERNETES_VERSIONS, VERSION_LOCK } from '../../versions/lock.js';
import { minorOf } from '../../versions/removed-apis.js';

const MINOR = /^1\.(0|[1-9]\d*)$/;

/**
 * The minor an upgrade goes to: `to` (default the next minor after `current`).
 * Refused, with the value seen and what is allowed: not a minor, the current
 * or an older minor (EKS cannot downgrade), a jump of more than one minor
 * (the steps are named), a minor the version lock does not hold.
 */
export function upgradeTarget(current: string, to: string | undefined): string {
  const lockRange = `the version lock (src/versions/lock.ts) holds ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}`;
  const next = `1.${minorOf(current) + 1}`;
  const allowed = Object.hasOwn(VERSION_LOCK, next)
    ? `allowed: ${next}`
    : `nothing is allowed yet: ${next} is not in the lock (it holds ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`;
  if (to === undefined) {
    if (!Object.hasOwn(VERSION_LOCK, next)) {
      throw new UsageError(
        `there is no minor after ${current} to upgrade to: ${lockRange}. Add ${next} to the lock first, then run upgrade plan --to ${next}`,
      );
    }
    return next;
  }
  const text = to.trim().replace(/^v/, '');
  if (!MINOR.test(text)) {
    throw new UsageError(`--to "${to}" is not a Kubernetes minor; use 1.N, such as --to ${next}`);
  }
  const from = minorOf(current);
  const target = minorOf(text);
  if (target === from) {
    throw new UsageError(`--to ${text}: the cluster is already on ${current}; ${allowed}`);
  }
  if (target < from) {
    throw new UsageError(
      `--to ${text} is older than the cluster's ${current}: EKS cannot downgrade a control plane; ${allowed}`,
    );
  }
  if (target > from + 1) {
    const steps: string[] = [];
    for (let m = from + 1; m <= target; m++) steps.push(`1.${m}`);
    throw new UsageError(
      `--to ${text} is ${target - from} minors above ${current}; EKS upgrades one minor at a time: ` +
        `${[current, ...steps].join(' → ')}. Plan and finish each step in turn, starting with --to ${next}`,
    );
  }
  if (!Object.hasOwn(VERSION_LOCK, text)) {
    throw new UsageError(`--to ${text} has no entry in the version lock: ${lockRange}. Add ${text} to the lock first`);
  }
  return text;
}
