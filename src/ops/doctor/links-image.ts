import type { KubeObject } from '../../inventory/types.js';
import { parseImageRef } from '../../rules/support/image-ref.js';
import type { EcrRepositoryFact } from '../common/aws-facts.js';
import { ECR_HOST } from '../common/ecr.js';
import { containerStatusesOf, containersOf, initContainersOf } from '../common/kube-reads.js';
import { digestOf } from '../images/running.js';
import type { DoctorFacts } from './facts-view.js';
import type { DoctorLink, DoctorParams } from './types.js';

interface ContainerImage {
  readonly image: string;
  readonly digests: readonly string[];
}

/** The images of the pods' containers, with the digests their status shows running. */
export function imagesOf(pods: readonly KubeObject[]): ContainerImage[] {
  const byImage = new Map<string, Set<string>>();
  for (const pod of pods) {
    const statuses = [...containerStatusesOf(pod, true), ...containerStatusesOf(pod)];
    for (const c of [...initContainersOf(pod), ...containersOf(pod)]) {
      if (!c.image) continue;
      const digests = byImage.get(c.image) ?? new Set<string>();
      const d = digestOf(statuses.find((st) => st.name === c.name)?.imageID);
      if (d) digests.add(d);
      byImage.set(c.image, digests);
    }
  }
  return [...byImage]
    .map(([image, d]) => ({ image, digests: [...d].sort() }))
    .sort((a, b) => a.image.localeCompare(b.image));
}

/** Each ECR image the pods run → its repository's answer: tag present, pushed at, scan status and findings. */
export function imageLinks(images: readonly ContainerImage[], f: DoctorFacts, p: DoctorParams): DoctorLink[] {
  const ecrImages = images.filter((i) => ECR_HOST.test(parseImageRef(i.image).registry));
  if (ecrImages.length === 0) return [];
  const repos = f.aws<readonly EcrRepositoryFact[]>('ecr');
  return ecrImages.map((i): DoctorLink => {
    const ref = parseImageRef(i.image);
    const object = { kind: 'ECRImage', name: `${ref.repository}:${ref.tag ?? ref.digest ?? ''}` };
    if (!repos) return { step: 'Image', object, state: 'unknown', detail: i.image, reason: f.awsReason('ecr') };
    const repo = repos.find((r) => r.registry === ref.registry && r.name === ref.repository);
    if (!repo)
      return { step: 'Image', object, state: 'unknown', detail: i.image, reason: 'the repository was not described' };
    if (!repo.exists)
      return { step: 'Image', object, state: 'ok', detail: 'repository missing (see the container link)' };
    const running = repo.images.find((x) => i.digests.includes(x.digest));
    const tagged = ref.tag ? repo.images.find((x) => x.tags.includes(ref.tag as string)) : undefined;
    const img = running ?? tagged;
    if (!img)
      return {
        step: 'Image',
        object,
        state: 'ok',
        detail: `tag ${ref.tag} not in the repository (see the container link)`,
      };
    const counts = img.scan?.findingCounts ?? {};
    const critical = counts.CRITICAL ?? 0;
    const detail = `pushed ${tagged?.pushedAt ?? img.pushedAt ?? '?'}, scan ${img.scan?.status ?? 'none'}, ${['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map((s) => `${s.toLowerCase()} ${counts[s] ?? 0}`).join(', ')}${tagged && running && tagged.digest !== running.digest ? ', the tag has moved since the pods started' : ''}`;
    if (critical > p.maxCriticalFindings)
      return {
        step: 'Image',
        object,
        state: 'problem',
        detail,
        problem: {
          severity: 'critical',
          code: 'image.critical-findings',
          object,
          what: `${i.image} runs with ${critical} critical findings (allowed ${p.maxCriticalFindings})`,
          ...(img.scan?.criticalIds?.length ? { cause: [...img.scan.criticalIds].sort().join(', ') } : {}),
          next: `aws ecr describe-image-scan-findings --repository-name ${ref.repository} --image-id imageDigest=${img.digest}`,
          source: 'joined',
        },
      };
    return { step: 'Image', object, state: 'ok', detail };
  });
}
