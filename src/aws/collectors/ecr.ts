import type { ScanningRepositoryFilter } from '@aws-sdk/client-ecr';
import { type AwsCollectContext, allPages, mapLimit } from '../context.js';

export interface EcrImageRef {
  readonly registryId: string;
  readonly region: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/;

/** Splits an ECR image reference; undefined for images from other registries. */
export function parseEcrImage(image: string): EcrImageRef | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m) return undefined;
  return { registryId: m[1], region: m[2], repository: m[3], tag: m[4] ?? (m[5] ? undefined : 'latest'), digest: m[5] };
}

function filterMatches(filters: readonly ScanningRepositoryFilter[] | undefined, name: string): boolean {
  return (filters ?? []).some((f) => {
    const re = new RegExp(`^${(f.filter ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return re.test(name);
  });
}

export async function collectEcr(ctx: AwsCollectContext): Promise<void> {
  await ctx.guard(['AWS::ECR::Repository', 'AWS::ECR::RegistryScanningConfiguration'], async () => {
    const ecr = await ctx.clients.ecr();
    const { DescribeRepositoriesCommand, GetRegistryScanningConfigurationCommand, DescribeImageScanFindingsCommand } =
      await import('@aws-sdk/client-ecr');
    const registry = await ctx.call('ecr:GetRegistryScanningConfiguration', () =>
      ecr.send(new GetRegistryScanningConfigurationCommand({})),
    );
    const scanning = registry.scanningConfiguration;
    if (ctx.wants('AWS::ECR::RegistryScanningConfiguration')) {
      ctx.add('AWS::ECR::RegistryScanningConfiguration', `registry/${registry.registryId ?? 'default'}`, {
        ScanType: scanning?.scanType,
        Rules: (scanning?.rules ?? []).map((rule) => ({
          ScanFrequency: rule.scanFrequency,
          RepositoryFilters: (rule.repositoryFilters ?? []).map((f) => ({
            Filter: f.filter,
            FilterType: f.filterType,
          })),
        })),
      });
    }
    if (!ctx.wants('AWS::ECR::Repository')) return;
    const repos = await allPages(
      (nextToken) =>
        ctx.call('ecr:DescribeRepositories', () => ecr.send(new DescribeRepositoriesCommand({ nextToken }))),
      (p) => p.repositories,
      (p) => p.nextToken,
    );
    const region = await ctx.clients.region();
    const images = [...new Set(ctx.target.images)].sort().flatMap((image) => {
      const ref = parseEcrImage(image);
      return ref && ref.region === region ? [{ image, ref }] : [];
    });
    const findings = await mapLimit(images, 4, async ({ image, ref }) => {
      try {
        const out = await ctx.call('ecr:DescribeImageScanFindings', () =>
          ecr.send(
            new DescribeImageScanFindingsCommand({
              registryId: ref.registryId,
              repositoryName: ref.repository,
              imageId: ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag },
            }),
          ),
        );
        return {
          image,
          ref,
          status: out.imageScanStatus?.status ?? 'UNKNOWN',
          counts: out.imageScanFindings?.findingSeverityCounts ?? {},
        };
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        if (
          name === 'ScanNotFoundException' ||
          name === 'ImageNotFoundException' ||
          name === 'RepositoryNotFoundException'
        ) {
          return { image, ref, status: name.replace(/Exception$/, ''), counts: {} };
        }
        throw e;
      }
    });
    for (const r of repos) {
      const name = r.repositoryName ?? '';
      const registryRules = (scanning?.rules ?? []).filter((rule) => filterMatches(rule.repositoryFilters, name));
      const imageFindings = Object.fromEntries(
        findings
          .filter((f) => f.ref.repository === name && f.ref.registryId === r.registryId)
          .map((f) => [f.image, { status: f.status, severityCounts: f.counts }]),
      );
      ctx.add(
        'AWS::ECR::Repository',
        r.repositoryArn ?? name,
        {
          RepositoryName: name,
          ImageTagMutability: r.imageTagMutability,
          ImageScanningConfiguration: { ScanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false },
          EncryptionConfiguration: r.encryptionConfiguration && {
            EncryptionType: r.encryptionConfiguration.encryptionType,
            KmsKey: r.encryptionConfiguration.kmsKey,
          },
        },
        {
          repositoryUri: r.repositoryUri,
          registryScanType: scanning?.scanType,
          registryScanFrequencies: registryRules.map((rule) => rule.scanFrequency),
          imageFindings,
        },
      );
    }
    const known = new Set(repos.map((r) => `${r.registryId}/${r.repositoryName}`));
    for (const f of findings) {
      if (!known.has(`${f.ref.registryId}/${f.ref.repository}`)) {
        ctx.notes.push(`image ${f.image}: repository ${f.ref.repository} is not in this account's registry`);
      }
    }
  });
}
