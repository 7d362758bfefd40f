import type { KubeObject } from '../../inventory/types.js';
import {
  containerStatusesOf,
  containersOf,
  initContainersOf,
  isTerminated,
  namespaceOf,
  workloadOfPod,
} from '../common/kube-reads.js';

/** One image as pods run it: the reference, the digests seen, and who runs it. */
export interface RunningImage {
  readonly image: string;
  readonly digests: Set<string>;
  readonly pods: Set<string>;
  /** "namespace\u0000kind\u0000name" → containers. */
  readonly workloads: Map<string, Set<string>>;
}

/** The digest of an imageID ("…/checkout@sha256:…", "docker-pullable://…@sha256:…", "sha256:…"). */
export function digestOf(imageID: string | undefined): string | undefined {
  if (!imageID) return undefined;
  const at = imageID.lastIndexOf('@');
  const d = at >= 0 ? imageID.slice(at + 1) : imageID;
  return d.startsWith('sha256:') ? d : undefined;
}

/** The images of running pods (not Succeeded or Failed), from container status where there is one, else the spec. */
export function runningImages(pods: readonly KubeObject[]): Map<string, RunningImage> {
  const out = new Map<string, RunningImage>();
  for (const pod of pods) {
    if (isTerminated(pod)) continue;
    const w = workloadOfPod(pod);
    const wkey = `${namespaceOf(pod)}\u0000${w.kind}\u0000${w.name}`;
    const statuses = [...containerStatusesOf(pod, true), ...containerStatusesOf(pod)];
    const specs = [...initContainersOf(pod), ...containersOf(pod)];
    for (const spec of specs) {
      const s = statuses.find((x) => x.name === spec.name);
      // The spec names what was asked for; status.image may be the runtime's normalised form of the same.
      const image = spec.image ?? s?.image;
      if (!image) continue;
      const entry = out.get(image) ?? { image, digests: new Set(), pods: new Set(), workloads: new Map() };
      const digest = digestOf(s?.imageID);
      if (digest) entry.digests.add(digest);
      entry.pods.add(`${namespaceOf(pod)}/${pod.metadata.name}`);
      const containers = entry.workloads.get(wkey) ?? new Set<string>();
      containers.add(spec.name);
      entry.workloads.set(wkey, containers);
      out.set(image, entry);
    }
  }
  return out;
}

/** Whether a registry host matches a pattern where `*` stands for one DNS label. */
export function registryMatches(host: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^.]+')}$`,
  );
  return re.test(host);
}
