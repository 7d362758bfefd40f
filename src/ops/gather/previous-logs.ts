import { mapLimit } from '../../aws/paging.js';
import type { KubeReader } from '../../kube/reader.js';
import type { KubeObject } from '../../kube/types.js';
import { containerStatusesOf, namespaceOf } from '../common/kube-reads.js';
import { troubleOf } from '../common/pod-troubles.js';
import type { Fact } from '../facts.js';
import { readFact } from './read-fact.js';

export interface PreviousLogOptions {
  /** Lines read from the end of each log. */
  readonly tailLines: number;
  /** true: every container that restarted; false: only crash-looping or OOM-killed ones (why they crash). */
  readonly allRestarted: boolean;
  readonly concurrency: number;
}

/** The containers whose previous instance's log explains them, as "namespace/pod/container". */
export function previousLogKeys(pods: readonly KubeObject[], allRestarted: boolean): string[] {
  const keys: string[] = [];
  for (const pod of pods)
    for (const s of [...containerStatusesOf(pod, true), ...containerStatusesOf(pod)]) {
      const t = troubleOf(s);
      const crashed = t?.kind === 'crash-loop' || t?.kind === 'oom-killed';
      if (crashed || (allRestarted && (s.restartCount ?? 0) > 0))
        keys.push(`${namespaceOf(pod)}/${pod.metadata.name}/${s.name}`);
    }
  return keys;
}

/** GET …/pods/<pod>/log?previous=true&tailLines=N of each such container; a log that cannot be read is unknown with the reason. */
export async function readPreviousLogs(
  kube: KubeReader,
  pods: readonly KubeObject[],
  options: PreviousLogOptions,
): Promise<Record<string, Fact<string>>> {
  const keys = previousLogKeys(pods, options.allRestarted);
  const logs = await mapLimit(keys, options.concurrency, (key) => {
    const [namespace, pod, container] = key.split('/');
    return readFact(`previous log of ${key}`, () =>
      kube.logs(namespace, pod, { container, previous: true, tailLines: options.tailLines }),
    );
  });
  return Object.fromEntries(keys.map((key, i) => [key, logs[i]]));
}
