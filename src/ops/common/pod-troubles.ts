import type { KubeObject } from '../../inventory/types.js';
import { type ContainerStatus, containerStatusesOf, podPhase } from './kube-reads.js';

/** What is wrong with one container of a pod, read from its status. */
export interface ContainerTrouble {
  readonly container: string;
  readonly kind: 'crash-loop' | 'oom-killed' | 'image-pull' | 'create-error';
  /** The waiting or termination reason as Kubernetes gives it. */
  readonly reason: string;
  readonly message?: string;
  readonly restarts: number;
  /** The last termination, when the container ran before. */
  readonly lastTermination?: { readonly reason?: string; readonly exitCode?: number; readonly finishedAt?: string };
  readonly image?: string;
}

const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);
const CREATE = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);

export function troubleOf(s: ContainerStatus): ContainerTrouble | undefined {
  const waiting = s.state?.waiting?.reason ?? '';
  const last = s.lastState?.terminated;
  const base = {
    container: s.name,
    restarts: s.restartCount ?? 0,
    ...(s.state?.waiting?.message ? { message: s.state.waiting.message } : {}),
    ...(last ? { lastTermination: { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt } } : {}),
    ...(s.image ? { image: s.image } : {}),
  };
  if (IMAGE_PULL.has(waiting)) return { ...base, kind: 'image-pull', reason: waiting };
  if (waiting === 'CrashLoopBackOff') return { ...base, kind: 'crash-loop', reason: waiting };
  if (CREATE.has(waiting)) return { ...base, kind: 'create-error', reason: waiting };
  if (last?.reason === 'OOMKilled' || s.state?.terminated?.reason === 'OOMKilled')
    return { ...base, kind: 'oom-killed', reason: 'OOMKilled' };
  return undefined;
}

/** Every troubled container of a pod (init containers first). */
export function podTroubles(pod: KubeObject): ContainerTrouble[] {
  const out: ContainerTrouble[] = [];
  for (const list of [containerStatusesOf(pod, true), containerStatusesOf(pod)])
    for (const s of list) {
      // Fast path: a running container that never restarted and was never OOM-killed has no trouble.
      if (s.state?.running && !s.lastState?.terminated) continue;
      const t = troubleOf(s);
      if (t) out.push(t);
    }
  return out;
}

/** A pod waiting for a node: phase Pending and PodScheduled not True. */
export function isUnscheduled(pod: KubeObject): boolean {
  if (podPhase(pod) !== 'Pending') return false;
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
  const scheduled = conditions?.find((c) => c.type === 'PodScheduled');
  return scheduled?.status !== 'True';
}

/** "exit 137 (OOMKilled)" from a last termination. */
export function describeTermination(t: ContainerTrouble['lastTermination']): string | undefined {
  if (!t) return undefined;
  const parts = [t.exitCode !== undefined ? `exit ${t.exitCode}` : undefined, t.reason ? `(${t.reason})` : undefined];
  const text = parts.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}
