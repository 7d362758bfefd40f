import type { ImageDetail, ImageIdentifier, Repository } from '@aws-sdk/client-ecr';
import { nameOf } from '../../aws/errors.js';
import { mapLimit } from '../../aws/paging.js';
import { describeImageScanFindings, describeImages, describeRepositories } from '../../aws/readers/ecr.js';
import type { KubeObject } from '../../kube/types.js';
import type { LiveAws } from '../../live/connect.js';
import { parseImageRef } from '../../rules/support/image-ref.js';
import type { EcrImageFact, EcrRepositoryFact } from '../common/aws-facts.js';
import { type Fact, unknownFact } from '../facts.js';
import { runningImages } from '../images/running.js';
import { AWS_NOT_READ, readFact } from './read-fact.js';

interface WantedRepository {
  readonly registry: string;
  readonly name: string;
  readonly tags: Set<string>;
  readonly digests: Set<string>;
}

/** The repositories of the running images that live in one of `registries`, with the tags and digests the pods run. */
export function wantedRepositories(pods: readonly KubeObject[], registries: readonly string[]): WantedRepository[] {
  const byKey = new Map<string, WantedRepository>();
  for (const r of runningImages(pods).values()) {
    const ref = parseImageRef(r.image);
    if (!registries.includes(ref.registry)) continue;
    const key = `${ref.registry}/${ref.repository}`;
    const w = byKey.get(key) ?? { registry: ref.registry, name: ref.repository, tags: new Set(), digests: new Set() };
    if (ref.tag) w.tags.add(ref.tag);
    if (ref.digest) w.digests.add(ref.digest);
    for (const d of r.digests) w.digests.add(d);
    byKey.set(key, w);
  }
  return [...byKey.values()].sort((a, b) => `${a.registry}/${a.name}`.localeCompare(`${b.registry}/${b.name}`));
}

const accountOf = (registry: string) => registry.split('.')[0];

/** DescribeImages of the wanted tags and digests; when one of them is gone, every image of the repository. */
async function imagesOf(aws: LiveAws, w: WantedRepository): Promise<ImageDetail[]> {
  const imageIds: ImageIdentifier[] = [
    ...[...w.tags].map((imageTag) => ({ imageTag })),
    ...[...w.digests].map((imageDigest) => ({ imageDigest })),
  ];
  const registryId = accountOf(w.registry);
  try {
    return await describeImages(aws.reader, w.name, { registryId, imageIds });
  } catch (e) {
    if (nameOf(e) !== 'ImageNotFoundException') throw e;
    return describeImages(aws.reader, w.name, { registryId });
  }
}

/** The scan of one image: DescribeImageScanFindings (basic and enhanced), or the summary DescribeImages gave. */
async function scanOf(aws: LiveAws, w: WantedRepository, d: ImageDetail): Promise<EcrImageFact['scan']> {
  if (!d.imageScanStatus?.status || !d.imageDigest) return undefined;
  try {
    const out = await describeImageScanFindings(aws.reader, {
      registryId: accountOf(w.registry),
      repositoryName: w.name,
      imageId: { imageDigest: d.imageDigest },
    });
    const f = out.imageScanFindings;
    const critical = [
      ...(f?.findings ?? []).filter((x) => x.severity === 'CRITICAL').map((x) => x.name),
      ...(f?.enhancedFindings ?? [])
        .filter((x) => x.severity === 'CRITICAL')
        .map((x) => x.packageVulnerabilityDetails?.vulnerabilityId ?? x.title),
    ].filter((x): x is string => typeof x === 'string');
    return {
      status: out.imageScanStatus?.status ?? d.imageScanStatus.status,
      findingCounts: { ...(f?.findingSeverityCounts ?? d.imageScanFindingsSummary?.findingSeverityCounts ?? {}) },
      criticalIds: [...new Set(critical)].sort(),
    };
  } catch (e) {
    if (nameOf(e) !== 'ScanNotFoundException') throw e;
    return { status: d.imageScanStatus.status };
  }
}

async function repositoryFact(
  aws: LiveAws,
  w: WantedRepository,
  repos: readonly Repository[],
  concurrency: number,
): Promise<EcrRepositoryFact> {
  let details: ImageDetail[];
  try {
    details = await imagesOf(aws, w);
  } catch (e) {
    if (nameOf(e) === 'RepositoryNotFoundException') return { registry: w.registry, name: w.name, exists: false };
    throw e;
  }
  const repo = repos.find((r) => r.repositoryName === w.name && r.registryId === accountOf(w.registry));
  const scans = await mapLimit(details, concurrency, (d) => scanOf(aws, w, d));
  const images = details
    .map((d, i): EcrImageFact => {
      const scan = scans[i];
      return {
        digest: d.imageDigest ?? '',
        tags: [...(d.imageTags ?? [])].sort(),
        ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt.toISOString() } : {}),
        ...(d.imageSizeInBytes !== undefined ? { sizeBytes: d.imageSizeInBytes } : {}),
        ...(scan ? { scan } : {}),
      };
    })
    .sort((a, b) => a.digest.localeCompare(b.digest));
  return {
    registry: w.registry,
    name: w.name,
    exists: true,
    ...(repo?.imageScanningConfiguration?.scanOnPush !== undefined
      ? { scanOnPush: repo.imageScanningConfiguration.scanOnPush }
      : {}),
    ...(repo?.imageTagMutability ? { tagMutability: repo.imageTagMutability } : {}),
    images,
  };
}

/**
 * What ECR knows about the images the pods run from the environment's
 * registries: each repository's scan on push and tag mutability
 * (DescribeRepositories), the running tags and digests (DescribeImages) and
 * their scan findings by severity with the critical ids
 * (DescribeImageScanFindings, enhanced findings too).
 */
export async function ecrFacts(
  aws: LiveAws | undefined,
  pods: Fact<readonly KubeObject[]>,
  registries: readonly string[],
  concurrency: number,
): Promise<Fact<readonly EcrRepositoryFact[]>> {
  if (!aws) return unknownFact(AWS_NOT_READ);
  if (pods.state === 'unknown') return unknownFact(`the running images are not known: ${pods.reason}`);
  const wanted = wantedRepositories(pods.value, registries);
  if (wanted.length === 0) return { state: 'read', value: [] };
  return readFact('ECR repositories and images', async () => {
    const repos = await describeRepositories(aws.reader);
    return mapLimit(wanted, concurrency, (w) => repositoryFact(aws, w, repos, concurrency));
  });
}
