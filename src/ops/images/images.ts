import { parseImageRef } from '../../rules/support/image-ref.js';
import type { EcrImageFact, EcrRepositoryFact } from '../common/aws-facts.js';
import { ECR_HOST } from '../common/ecr.js';
import { unknownParts, valueOr } from '../facts.js';
import { type OpsProblem, sortProblems } from '../problems.js';
import { type RunningImage, registryMatches, runningImages } from './running.js';
import {
  type EcrView,
  IMAGES_DEFAULTS,
  type ImageRow,
  type ImagesInput,
  type ImagesParams,
  type ImagesReport,
} from './types.js';

function ecrView(
  r: RunningImage,
  tag: string | undefined,
  digest: string | undefined,
  repo: EcrRepositoryFact | undefined,
  ecr: ImagesInput['ecr'],
): EcrView {
  if (ecr.state === 'unknown') return { state: 'unknown', reason: ecr.reason };
  if (!repo) return { state: 'unknown', reason: 'the repository was not described' };
  if (!repo.exists) return { state: 'repository-missing' };
  const base = {
    ...(repo.scanOnPush !== undefined ? { scanOnPush: repo.scanOnPush } : {}),
    ...(repo.tagMutability ? { tagMutability: repo.tagMutability } : {}),
  };
  const byTag = tag ? repo.images.find((i) => i.tags.includes(tag)) : undefined;
  const wanted = digest ?? byTag?.digest;
  const running = [...r.digests];
  const scanned: EcrImageFact | undefined =
    repo.images.find((i) => running.length > 0 && i.digest === running[0]) ??
    (wanted ? repo.images.find((i) => i.digest === wanted) : undefined) ??
    byTag;
  if (tag && !digest && !byTag) return { ...base, state: 'tag-missing' };
  const tagDigest = digest ?? byTag?.digest;
  return {
    ...base,
    state: 'found',
    ...(tagDigest ? { tagDigest } : {}),
    ...(byTag?.pushedAt ? { pushedAt: byTag.pushedAt } : {}),
    ...(tagDigest && running.length ? { digestMatch: running.every((d) => d === tagDigest) } : {}),
    ...(scanned?.scan
      ? {
          scan: {
            status: scanned.scan.status,
            findingCounts: scanned.scan.findingCounts ?? {},
            criticalIds: [...(scanned.scan.criticalIds ?? [])].sort(),
            digest: scanned.digest,
          },
        }
      : {}),
  };
}

function rowOf(r: RunningImage, input: ImagesInput, p: ImagesParams): ImageRow {
  const ref = parseImageRef(r.image);
  const isEcr = ECR_HOST.test(ref.registry);
  const own = input.environment.registries.includes(ref.registry);
  const allowed = own || p.alsoAllowedRegistries.some((pattern) => registryMatches(ref.registry, pattern));
  const repo = valueOr(input.ecr, []).find((x) => x.registry === ref.registry && x.name === ref.repository);
  const workloads = [...r.workloads.entries()]
    .map(([key, containers]) => {
      const [namespace, kind, name] = key.split('\u0000');
      return { namespace, kind, name, containers: [...containers].sort() };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return {
    image: r.image,
    registry: ref.registry,
    repository: ref.repository,
    ...(ref.tag ? { tag: ref.tag } : {}),
    runningDigests: [...r.digests].sort(),
    pods: r.pods.size,
    workloads,
    registryKind: isEcr ? 'ecr' : 'other',
    allowedRegistry: allowed,
    ...(isEcr && own ? { ecr: ecrView(r, ref.tag, ref.digest, repo, input.ecr) } : {}),
  };
}

const SCANNED = new Set(['COMPLETE', 'ACTIVE']);

function problemsOf(row: ImageRow, input: ImagesInput, p: ImagesParams): OpsProblem[] {
  const w = row.workloads[0];
  const object = w ? { kind: w.kind, name: w.name, namespace: w.namespace } : { kind: 'Image', name: row.image };
  const who = row.workloads.map((x) => `${x.namespace}/${x.name}`).join(', ');
  const out: OpsProblem[] = [];
  const push = (x: Omit<OpsProblem, 'object'>) => out.push({ object, ...x });
  const repoCmd = `aws ecr describe-images --repository-name ${row.repository}`;
  if (!row.allowedRegistry)
    push({
      severity: 'warning',
      code: 'image.outside-registries',
      what: `${row.image} comes from ${row.registry}, not from the environment's registries`,
      cause: `allowed: ${[...input.environment.registries, ...p.alsoAllowedRegistries].join(', ')}; run by ${who}`,
      next: `push the image to ${input.environment.registries[0] ?? 'the environment registry'}/${row.repository.split('/').pop()} and point the workload at it`,
      source: 'kubernetes',
    });
  const e = row.ecr;
  if (!e) return out;
  if (e.state === 'repository-missing')
    push({
      severity: 'critical',
      code: 'image.repository-missing',
      what: `ECR repository ${row.repository} does not exist (image ${row.image})`,
      cause: `run by ${who}`,
      next: `aws ecr describe-repositories --repository-names ${row.repository}`,
      source: 'joined',
    });
  if (e.state === 'tag-missing')
    push({
      severity: 'critical',
      code: 'image.tag-not-found',
      what: `tag ${row.tag} is not in ECR repository ${row.repository}`,
      cause: `run by ${who}; pods that need a new pull fail with ImagePullBackOff`,
      next: `${repoCmd} --query 'imageDetails[*].[imageTags,imagePushedAt]'`,
      source: 'joined',
    });
  if (e.state !== 'found') return out;
  const counts = e.scan?.findingCounts ?? {};
  const critical = counts.CRITICAL ?? 0;
  const high = counts.HIGH ?? 0;
  const scanCmd = `aws ecr describe-image-scan-findings --repository-name ${row.repository} --image-id imageDigest=${e.scan?.digest ?? e.tagDigest ?? ''}`;
  if (!e.scan || !SCANNED.has(e.scan.status))
    push({
      severity: 'warning',
      code: 'image.not-scanned',
      what: `${row.image} has no completed scan (${e.scan?.status ?? 'never scanned'})`,
      cause: e.scanOnPush === false ? 'scan on push is off for the repository' : undefined,
      next: `aws ecr start-image-scan --repository-name ${row.repository} --image-id imageTag=${row.tag ?? 'latest'}`,
      source: 'aws',
    });
  if (critical > p.maxCritical)
    push({
      severity: 'critical',
      code: 'image.critical-findings',
      what: `${row.image} has ${critical} critical findings (allowed ${p.maxCritical})`,
      cause: `${e.scan?.criticalIds.length ? `${e.scan.criticalIds.join(', ')}; ` : ''}running in ${who}`,
      next: scanCmd,
      source: 'joined',
    });
  if (high > p.maxHigh)
    push({
      severity: 'warning',
      code: 'image.high-findings',
      what: `${row.image} has ${high} high findings (allowed ${p.maxHigh})`,
      cause: `running in ${who}`,
      next: scanCmd,
      source: 'joined',
    });
  if (e.digestMatch === false)
    push({
      severity: 'warning',
      code: 'image.digest-moved',
      what: `tag ${row.tag} now points at ${e.tagDigest?.slice(0, 19)}, the pods run ${row.runningDigests.map((d) => d.slice(0, 19)).join(', ')}`,
      cause: 'the tag was pushed again after the pods started: pods of the same workload may run different code',
      next: `kubectl rollout restart ${row.workloads[0]?.kind.toLowerCase()}/${row.workloads[0]?.name} -n ${row.workloads[0]?.namespace}, and make the repository's tags immutable`,
      source: 'joined',
    });
  if (input.environment.production && (e.tagMutability === 'MUTABLE' || row.tag === 'latest' || !row.tag))
    push({
      severity: 'warning',
      code: 'image.mutable-tag',
      what: `${row.image} uses a mutable tag in ${input.environment.name}`,
      cause:
        e.tagMutability === 'MUTABLE'
          ? `repository ${row.repository} allows tags to be overwritten`
          : 'the tag says nothing about the content',
      next: `aws ecr put-image-tag-mutability --repository-name ${row.repository} --image-tag-mutability IMMUTABLE`,
      source: 'aws',
    });
  return out;
}

/**
 * Every image running in the cluster (from pod status: the digest actually
 * running), which workloads run it, joined with ECR: the tag present, when it
 * was pushed, whether the running digest is still the tag's, scan status and
 * findings by severity with the critical ids; plus problems for findings
 * above the thresholds, tags not found, images outside the environment's
 * registries and mutable tags in production.
 */
export function imagesReport(input: ImagesInput, params: Partial<ImagesParams> = {}): ImagesReport {
  const p: ImagesParams = { ...IMAGES_DEFAULTS, ...params };
  const rows = [...runningImages(valueOr(input.pods, [])).values()]
    .map((r) => rowOf(r, input, p))
    .sort((a, b) => a.image.localeCompare(b.image));
  return {
    environment: input.environment.name,
    images: rows,
    problems: sortProblems(rows.flatMap((r) => problemsOf(r, input, p))),
    unknown: unknownParts({ pods: input.pods, ecr: input.ecr }),
  };
}
